import type { Endpoint } from 'payload'
import { HttpError } from '../http/http-error'
import type { ResolvedOptions } from '../options'
import { computeNewsStats, parseRange } from './news-stats'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } })

/** GET /api/news-stats: the newsroom's figures, for the users who may edit articles (401 anonymous, 403 others). */
export const createStatsEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/news-stats',
  method: 'get',
  handler: async (req) => {
    try {
      if (!req.user) throw new HttpError(401, 'Log in to see the statistics')
      if (!options.canEdit(req.user)) throw new HttpError(403, 'The statistics are for editors')
      const query = new URL(req.url ?? 'http://localhost/').searchParams
      for (const key of query.keys()) if (!['from', 'to', 'locale'].includes(key)) throw new HttpError(400, `Unknown parameter "${key.slice(0, 40)}"`)
      const locale = query.get('locale') ?? undefined
      if (locale !== undefined && !options.locales.includes(locale)) throw new HttpError(400, `"locale" must be one of ${options.locales.join(', ')}`)
      const range = parseRange(query, options.views.timeZone)
      return json(200, await computeNewsStats(req.payload, options, range, locale))
    } catch (error) {
      if (error instanceof HttpError) return json(error.status, { errors: [{ message: error.message }] })
      throw error
    }
  },
})
