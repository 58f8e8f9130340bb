/**
 * Size of the region tree response (budget 8,000 B gzip) without a server, in seconds instead of `npm run bench:api`'s
 * minutes: the tree is assembled from the seed data by the read path's own code (tests/support/seed-region-tree.ts)
 * and encoded by the response cache's. A unit test (tests/cms/unit/region-tree.test.ts) holds the same budget.
 */
import { encodedBody, finishBody } from '../cms/plugin/cache/response-cache'
import { seedTree } from '../tests/support/seed-region-tree'

for (const locale of ['zh', 'en'] as const) {
  const tree = seedTree(locale)
  const entry = finishBody(200, tree)
  const nodes = tree.provinces.flatMap((p) => [p, ...(p.cities ?? [])])
  const shipped = (key: string) => nodes.filter((n) => key in n).length
  console.log(
    `region tree ${locale} (${nodes.length} regions): ${entry.body.length} B, ${encodedBody(entry, 'gzip').length} B gzip (budget 8,000), ` +
      `${encodedBody(entry, 'br').length} B brotli; sfx on ${shipped('sfx')}, ini on ${shipped('ini')}, ltr on ${shipped('ltr')}`,
  )
}
