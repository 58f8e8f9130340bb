import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { gzipAsync } from '@gfx/zopfli'
import type { Plugin } from 'vite'

/**
 * Writes `.gz` (Zopfli: gzip that any client decodes, ~5% smaller than zlib's best) and `.br` (Brotli,
 * best quality) beside every script of an environment's output. The server sends these bytes as they are,
 * so the slow compression happens once per build instead of on every start.
 */
export function precompress(environment: string): Plugin {
  return {
    name: 'precompress',
    applyToEnvironment: (env) => env.name === environment,
    async writeBundle(options, bundle) {
      const dir = options.dir!
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => name.endsWith('.js'))
          .map(async (name) => {
            const file = path.join(dir, name)
            const body = await readFile(file)
            const brotli = brotliCompressSync(body, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
            await Promise.all([writeFile(`${file}.gz`, await gzipAsync(body, { numiterations: 15 })), writeFile(`${file}.br`, brotli)])
          }),
      )
    },
  }
}
