/**
 * Every element against a broken API: down (connection refused), slow (past its timeout), 404, 500,
 * malformed JSON, a wrong shape, and refused by CORS (a cross-origin API that allows another site). Each must show a translated error with a retry button, recover
 * when the API comes back, and never leak an uncaught error. Always on the fixture API.
 */
import { expect } from '@esm-bundle/chai'
import '../../widgets/index.js'
import type { RegionPicker } from '../../widgets/index.js'
import { $, cleanup, crossOriginFixtureApi, env, fixtureApi, mount, setFlaky, trackUncaught, uid, waitFor } from './support/helpers.js'

type Mode = 'down' | 'slow' | '404' | '500' | 'malformed' | 'shape' | 'cors'

/** Mode, the message shown, and the `error` event's detail. */
const MODES: [Mode, string, { kind: string; status?: number }][] = [
  ['down', '网络连接失败', { kind: 'network' }],
  ['slow', '请求超时', { kind: 'timeout' }],
  ['404', '内容不存在或已下线', { kind: 'http', status: 404 }],
  ['500', '服务暂时不可用 (500)', { kind: 'http', status: 500 }],
  ['malformed', '数据格式有误', { kind: 'parse', status: 200 }],
  ['shape', '数据格式有误', { kind: 'parse' }],
  // The page cannot tell a CORS refusal from a network failure (by design), so neither can the widget.
  ['cors', '网络连接失败', { kind: 'network' }],
]

/**
 * The request timeout: short where timing out is the point, else generous, so that on a loaded machine a slow answer
 * (a CORS refusal, a 500) is not reported as a timeout instead.
 */
const TIMES_OUT = 400
const SLOW_ENOUGH = 6000
const timeoutFor = (mode: Mode) => (mode === 'slow' ? TIMES_OUT : SLOW_ENOUGH)

const apiFor = (mode: Mode) =>
  mode === 'down' ? env.downUrl : mode === 'cors' ? crossOriginFixtureApi(uid(), '/broken/cors') : fixtureApi(uid(), `/broken/${mode}`)

interface Subject {
  name: string
  /** Mounts the element against `api` with a request `timeout` (ms) and brings it to the point where it requests data. */
  make(api: string, timeout?: number): Promise<HTMLElement>
  /** Visible once the data arrived. */
  ready(el: HTMLElement): unknown
}

const SUBJECTS: Subject[] = [
  {
    name: 'region-picker',
    async make(api, timeout = SLOW_ENOUGH) {
      const el = mount<RegionPicker>(`<region-picker api="${api}" timeout="${timeout}" no-remember></region-picker>`)
      await el.updateComplete
      await el.show()
      return el
    },
    ready: (el) => $(el, '[role=option]'),
  },
  {
    name: 'article-list',
    async make(api, timeout = SLOW_ENOUGH) {
      return mount(`<article-list api="${api}" timeout="${timeout}"><a id="static" href="/news/a">静态链接</a></article-list>`)
    },
    ready: (el) => $(el, 'article-card'),
  },
  {
    name: 'article-card',
    async make(api, timeout = SLOW_ENOUGH) {
      return mount(`<article-card api="${api}" timeout="${timeout}" slug="article-1"></article-card>`)
    },
    ready: (el) => $(el, '[part=title]'),
  },
  {
    name: 'article-view',
    async make(api, timeout = SLOW_ENOUGH) {
      return mount(`<article-view api="${api}" timeout="${timeout}" slug="article-1" no-count></article-view>`)
    },
    ready: (el) => $(el, '[part=title]'),
  },
]

let uncaught: ReturnType<typeof trackUncaught>
beforeEach(() => {
  uncaught = trackUncaught()
})
afterEach(() => {
  uncaught.stop()
  cleanup()
  expect(uncaught.errors).to.deep.equal([])
})

for (const s of SUBJECTS)
  describe(`<${s.name}> against a broken API`, () => {
    for (const [mode, text, detail] of MODES)
      it(`${mode}: shows "${text}" with a retry button and fires an error event`, async () => {
        // `error` does not bubble (as on native elements); a capturing listener still sees it on its way down.
        const events: unknown[] = []
        const onError = (e: Event) => {
          if (e instanceof CustomEvent && (e.target as Element).localName === s.name) events.push(e.detail)
        }
        document.addEventListener('error', onError, true)
        const el = await s.make(apiFor(mode), timeoutFor(mode))
        const error = await waitFor(() => $(el, '[part=error]'), 8000, 'error state')
        document.removeEventListener('error', onError, true)
        expect(events.map((d) => JSON.parse(JSON.stringify(d)))).to.deep.equal([detail])
        expect(error.getAttribute('role')).to.equal('alert')
        expect(error.textContent).to.contain(text)
        expect($(el, '[part=retry]')!.textContent).to.equal('重试')
        if (s.name === 'article-list') {
          // The host's own content is visible again while the live list failed.
          expect($(el, 'slot')).to.exist
          expect(document.getElementById('static')!.getBoundingClientRect().height).to.be.greaterThan(0)
        }
      })

    it('shows the error in English under lang="en"', async () => {
      const el = await s.make(apiFor('500'))
      el.lang = 'en'
      await waitFor(() => $(el, '[part=error]')?.textContent?.includes('Service unavailable (500)'), 5000, 'english error')
      expect($(el, '[part=retry]')!.textContent).to.equal('Retry')
    })

    for (const outage of ['down', '500', 'malformed', 'cors'] as const)
      it(`recovers after "${outage}" when the API comes back and retry is pressed`, async () => {
        const key = uid()
        await setFlaky(key, outage)
        const api = outage === 'cors' ? crossOriginFixtureApi : fixtureApi
        const el = await s.make(api(uid(), `/flaky/${key}`))
        await waitFor(() => $(el, '[part=error]'), 8000, 'error state')
        await setFlaky(key, 'ok')
        $(el, '[part=retry]')!.click()
        await waitFor(() => s.ready(el), 5000, 'content after retry')
        expect($(el, '[part=error]')).to.equal(null)
      })
  })
