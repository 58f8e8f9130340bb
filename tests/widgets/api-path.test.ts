import { expect } from '@esm-bundle/chai'
import '../../widgets/index.js'
import type { ArticleList } from '../../widgets/article-list/article-list.js'
import type { ArticleView } from '../../widgets/article-view/article-view.js'
import type { RegionPicker } from '../../widgets/region-picker/region-picker.js'
import { $, $$, cleanup, fixtureApi, mount, requestLog, uid, waitFor } from './support/helpers.js'

// A host whose public API is not at /api/news (its own API route and basePath); the fixture answers it the same.
const HOST_PATH = '/cms-api/stories'
const routes = async (ns: string) => (await requestLog(ns)).map((r) => `${r.method} ${r.route}`)

afterEach(() => {
  cleanup()
  for (const k of Object.keys(localStorage)) if (k.startsWith('regional-news:')) localStorage.removeItem(k)
})

describe('api-path: the public API at a host path other than /api/news', () => {
  it('<article-list> asks the host path for its articles and tabs', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}" api-path="${HOST_PATH}" tabs></article-list>`)
    await waitFor(() => $$(el, 'article-card').length > 0 && $$(el, '[role=tab]').length > 1, 5000, 'cards and tabs')
    expect((await routes(ns)).sort()).to.deep.equal([`GET ${HOST_PATH}/articles`, `GET ${HOST_PATH}/categories`])
  })

  it('<article-view> reads and counts the article under the host path', async () => {
    const ns = uid()
    const el = mount<ArticleView>(`<article-view api="${fixtureApi(ns)}/" api-path="${HOST_PATH}" slug="article-3"></article-view>`)
    await waitFor(() => $(el, '[part=title]'), 5000, 'article')
    // The `api` base's trailing slash does not double up.
    await waitFor(async () => (await routes(ns)).length === 2, 5000, 'the view POST')
    expect(await routes(ns)).to.deep.equal([`GET ${HOST_PATH}/articles/article-3`, `POST ${HOST_PATH}/articles/article-3/views`])
  })

  it('<region-picker> loads the region tree from the host path, and is otherwise unchanged', async () => {
    const ns = uid()
    const p = mount<RegionPicker>(`<region-picker api="${fixtureApi(ns)}" api-path="${HOST_PATH}" value="331000" no-remember></region-picker>`)
    await waitFor(() => $(p, '[part=label]')?.textContent?.includes('台州'), 5000, 'the chosen city named')
    expect(await routes(ns)).to.deep.equal([`GET ${HOST_PATH}/regions`])
  })

  it('without api-path the elements keep /api/news, and changing api-path refetches from the new path', async () => {
    const ns = uid()
    const el = mount<ArticleList>(`<article-list api="${fixtureApi(ns)}"></article-list>`)
    await waitFor(() => $$(el, 'article-card').length > 0, 5000, 'cards')
    expect(await routes(ns)).to.deep.equal(['GET /api/news/articles'])
    el.setAttribute('api-path', HOST_PATH)
    await waitFor(async () => (await routes(ns)).length === 2, 5000, 'a second request')
    expect((await routes(ns))[1]).to.equal(`GET ${HOST_PATH}/articles`)
    expect(el.apiRoot).to.equal(`${fixtureApi(ns)}${HOST_PATH}`)
  })
})
