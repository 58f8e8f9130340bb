/**
 * The built server renderer (dist/widgets/ssr/render.js), the one server pages use: its templates are minified like
 * the bundles', which hydration requires. Skipped until `npm run build:widgets` has run.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Api } from './render-spec.js'
import { describeRenderApi } from './render-spec.js'

const file = path.resolve('dist/widgets/ssr/render.js')
describeRenderApi('built renderer', async () => (existsSync(file) ? ((await import(pathToFileURL(file).href)) as Api) : undefined))
