/** The server render API from its sources (see render-spec.ts). */
import { describeRenderApi } from './render-spec.js'

describeRenderApi('sources', () => import('../../widgets/ssr/render.js'))
