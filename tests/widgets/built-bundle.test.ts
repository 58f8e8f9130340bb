/**
 * The self-contained bundle the CMS serves at /widgets/v1/widgets.js: it must parse in Chromium and
 * define all four elements with Lit inside. Needs `vite build` first (CI builds before testing).
 */
import { expect } from '@esm-bundle/chai'

const BUNDLE = '/dist/widgets/v1/widgets.js'
const TAGS = ['region-picker', 'article-list', 'article-card', 'article-view']

describe('built bundle dist/widgets/v1/widgets.js', () => {
  before(async function () {
    const res = await fetch(BUNDLE, { method: 'HEAD' })
    if (!res.ok) {
      console.warn(`SKIPPED: ${BUNDLE} is missing; run \`npx vite build\` first.`)
      this.skip()
    }
  })

  it('parses and defines all four elements', async () => {
    const mod = await import(/* @vite-ignore */ BUNDLE)
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function')
    expect(mod.RegionPicker).to.equal(customElements.get('region-picker'))
  })

  it('renders a picker trigger and opens its panel', async () => {
    const host = document.createElement('div')
    host.innerHTML = `<region-picker api="${location.origin}/fixture-api" no-remember></region-picker>`
    document.body.append(host)
    const picker = host.firstElementChild as HTMLElement & { show(): Promise<void>; updateComplete: Promise<boolean> }
    await picker.updateComplete
    expect(picker.shadowRoot!.querySelector('[part=trigger]')!.textContent).to.contain('选择城市')
    await picker.show()
    const end = performance.now() + 5000
    while (!picker.shadowRoot!.querySelector('[role=option]') && performance.now() < end) await new Promise((r) => setTimeout(r, 20))
    expect(picker.shadowRoot!.querySelector('[role=option]')).to.exist
    host.remove()
  })

  it('is harmless when loaded twice', async () => {
    await import(/* @vite-ignore */ `${BUNDLE}?again`)
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function')
  })
})
