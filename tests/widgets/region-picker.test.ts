import { expect } from '@esm-bundle/chai'
import { sendKeys } from '@web/test-runner-commands'
import type { RegionChangeDetail } from '../../widgets/region-picker/define.js'
import { RegionPicker } from '../../widgets/region-picker/define.js'
import type { RegionTreeResponse } from '../../wire/index.js'
import {
  $,
  $$,
  cleanup,
  deepActive,
  expectNoAxeViolations,
  fixtureApi,
  liveApi,
  requestLog,
  trackUncaught,
  uid,
  waitFor,
} from './support/helpers.js'

const STORE = 'regional-news:region-picker:'

async function picker(attrs = '', api = liveApi()) {
  const el = document.createElement('div')
  el.innerHTML = `<region-picker api="${api}" ${attrs}></region-picker>`
  document.body.append(el)
  const p = el.firstElementChild as RegionPicker
  await p.updateComplete
  return p
}

async function open(p: RegionPicker) {
  await p.show()
  await waitFor(() => $(p, '[role=listbox]'), 5000, 'listbox')
  return p
}

const option = (p: RegionPicker, name: string, scope = '.all') =>
  $$(p, `${scope} [role=option]`).find((o) => o.textContent!.trim().startsWith(name))!

function nextChange(p: Element) {
  return new Promise<CustomEvent<RegionChangeDetail>>((resolve) =>
    p.addEventListener('change', (e) => resolve(e as CustomEvent<RegionChangeDetail>), { once: true }),
  )
}

beforeEach(() => {
  for (const k of Object.keys(localStorage)) if (k.startsWith('regional-news:')) localStorage.removeItem(k)
})
afterEach(() => {
  document.querySelectorAll('region-picker').forEach((p) => p.closest('div')?.remove() ?? p.remove())
  cleanup()
})

describe('<region-picker> rendering', () => {
  it('is defined, exported and safe to define twice', async () => {
    expect(customElements.get('region-picker')).to.equal(RegionPicker)
    await import('../../widgets/region-picker/define.js')
    class Renamed extends RegionPicker {}
    customElements.define('renamed-picker', Renamed)
    expect(document.createElement('renamed-picker')).to.be.instanceOf(RegionPicker)
  })

  it('shows a placeholder trigger and loads nothing until needed', async () => {
    const ns = uid()
    const p = await picker('', fixtureApi(ns))
    const trigger = $(p, '[part=trigger]')!
    expect(trigger.textContent).to.contain('选择城市')
    expect(trigger.getAttribute('aria-expanded')).to.equal('false')
    expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog')
    expect(await requestLog(ns)).to.deep.equal([])
    await expectNoAxeViolations(p)
  })

  it('uses a custom placeholder and the province placeholder', async () => {
    expect($(await picker('placeholder="切换城市"'), '[part=label]')!.textContent).to.equal('切换城市')
    expect($(await picker('level="province"'), '[part=label]')!.textContent).to.equal('选择省份')
  })

  it('opens a panel with hot cities, A–Z groups (letter shown once) and municipalities as their own city', async () => {
    const ns = uid()
    const p = await open(await picker('', fixtureApi(ns)))
    expect(p.open).to.equal(true)
    expect(p.hasAttribute('open')).to.equal(true)
    const log = await requestLog(ns)
    expect(log.map((r) => [r.route, r.query.locale])).to.deep.equal([['/api/news/regions', 'zh']])

    const hot = $(p, '.all [role=group][aria-label=热门城市]')!
    expect(hot.querySelectorAll('[role=option]').length).to.be.greaterThan(0)

    const letters = $$(p, '[part=letter]').map((l) => l.textContent!.trim()).filter(Boolean)
    expect(new Set(letters).size).to.equal(letters.length)
    expect(letters).to.include.members(['B', 'S', 'Z'])
    expect([...letters].sort()).to.deep.equal(letters)

    const beijing = $(p, '.all [role=group][aria-label=北京]')!
    expect([...beijing.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim())).to.deep.equal(['北京'])
    const zhejiang = $(p, '.all [role=group][aria-label=浙江]')!
    expect([...zhejiang.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim())).to.include.members(['杭州', '台州'])

    // The index is a nav of buttons outside the listbox.
    const index = $(p, 'nav[part=index]')!
    expect(index.closest('[role=listbox]')).to.equal(null)
    expect(index.querySelectorAll('button').length).to.equal(new Set(letters).size)
    await expectNoAxeViolations(p)
  })

  it('keeps combobox, listbox, groups and options in one shadow root with valid references', async () => {
    const p = await open(await picker())
    const input = $(p, 'input')!
    expect(input.getAttribute('role')).to.equal('combobox')
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    const listbox = p.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!
    expect(listbox.getAttribute('role')).to.equal('listbox')
    await sendKeys({ press: 'ArrowDown' })
    const active = p.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!
    expect(active.getAttribute('role')).to.equal('option')
    expect(active.getAttribute('aria-selected')).to.equal('true')
    expect(listbox.contains(active)).to.equal(true)
  })

  it('jumps to a letter from the A–Z index', async () => {
    const p = await open(await picker())
    const z = $$(p, '[part=index-letter]').find((b) => b.textContent === 'Z')!
    z.click()
    await waitFor(() => $(p, 'input')!.getAttribute('aria-activedescendant'))
    const active = p.shadowRoot!.getElementById($(p, 'input')!.getAttribute('aria-activedescendant')!)!
    expect(active.closest('[role=group]')!.getAttribute('aria-label')).to.equal('浙江')
    const list = $(p, '.list')!.getBoundingClientRect()
    const group = $(p, '#L-Z')!.getBoundingClientRect()
    expect(group.top).to.be.at.least(list.top - 1)
    expect(group.top).to.be.below(list.bottom)
  })

  it('exposes parts for theming', async () => {
    const p = await open(await picker())
    for (const part of ['trigger', 'label', 'panel', 'search', 'close', 'list', 'group-label', 'letter', 'option', 'index', 'index-letter'])
      expect($(p, `[part~=${part}]`), part).to.not.equal(null)
  })
})

describe('<region-picker> choosing', () => {
  it('fires a bubbling, composed change with code, name, province, region and tel', async () => {
    // The fixture sets the phones; a real CMS may have none.
    const p = await open(await picker('', fixtureApi()))
    const changed = nextChange(document.body)
    option(p, '杭州').click()
    const e = await changed
    expect(e.bubbles).to.equal(true)
    expect(e.composed).to.equal(true)
    expect(e.detail).to.include({ code: '330100', name: '杭州', province: '浙江' })
    expect(e.detail.region.code).to.equal('330100')
    expect(e.detail.tel).to.be.a('string')
    expect(p.value).to.equal('330100')
    expect(p.open).to.equal(false)
    await p.updateComplete
    expect($(p, '[part=label]')!.textContent).to.equal('杭州')
    expect(deepActive()).to.equal($(p, '[part=trigger]'))
  })

  it('falls back to the province tel, and has no province for a municipality', async () => {
    const p = await open(await picker('', fixtureApi()))
    let changed = nextChange(p)
    option(p, '台州').click()
    expect((await changed).detail.tel).to.equal('0571-8888 0000')
    await open(p)
    changed = nextChange(p)
    option(p, '北京').click()
    const d = (await changed).detail
    expect(d.province).to.equal(undefined)
    expect(d.code).to.equal('110000')
  })

  it('remembers the last choice and shows it next time without loading the tree', async () => {
    const p = await open(await picker())
    option(p, '西安').click()
    expect(JSON.parse(localStorage.getItem(STORE + 'city:last')!)).to.include({ code: '610100', name: '西安' })
    const ns = uid()
    const again = await picker('', fixtureApi(ns))
    expect(again.value).to.equal('610100')
    expect($(again, '[part=label]')!.textContent).to.equal('西安')
    expect(await requestLog(ns)).to.deep.equal([])
  })

  it('keeps a recent list (newest first, no duplicates)', async () => {
    const p = await open(await picker())
    option(p, '西安').click()
    await open(p)
    option(p, '杭州').click()
    await open(p)
    option(p, '西安').click()
    await open(p)
    const recent = $(p, '.all [role=group][aria-label=最近选择]')!
    expect([...recent.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim())).to.deep.equal(['西安', '杭州'])
  })

  it('does not remember with no-remember', async () => {
    const p = await open(await picker('no-remember'))
    option(p, '西安').click()
    expect(localStorage.getItem(STORE + 'city:last')).to.equal(null)
    expect((await picker()).value).to.equal('')
  })

  it('restores a value given as attribute or property', async () => {
    const p = await picker('value="331000"')
    await waitFor(() => $(p, '[part=label]')!.textContent === '台州', 5000, 'label 台州')
    p.value = '321200'
    await waitFor(() => $(p, '[part=label]')!.textContent === '泰州', 5000, 'label 泰州')
  })

  it('offers provinces only at level="province"', async () => {
    const p = await open(await picker('level="province"'))
    const names = $$(p, '.all [role=option]').map((o) => o.textContent!.trim())
    expect(names).to.include.members(['浙江', '陕西', '北京'])
    expect(names).not.to.include('杭州')
    const changed = nextChange(p)
    option(p, '陕西').click()
    const d = (await changed).detail
    expect(d).to.include({ code: '610000', name: '陕西' })
    expect(d.province).to.equal(undefined)
  })

  it('follows the lang attribute for strings and the content locale', async () => {
    const ns = uid()
    const p = await picker('lang="en"', fixtureApi(ns))
    expect($(p, '[part=label]')!.textContent).to.equal('Choose a city')
    await open(p)
    expect((await requestLog(ns))[0].query.locale).to.equal('en')
    expect(option(p, 'Hangzhou')).to.exist
    const wrap = document.createElement('section')
    wrap.lang = 'en-GB'
    wrap.innerHTML = '<region-picker></region-picker>'
    document.body.append(wrap)
    const inner = wrap.firstElementChild as RegionPicker
    await inner.updateComplete
    expect($(inner, '[part=label]')!.textContent).to.equal('Choose a city')
    inner.lang = 'zh-CN'
    await inner.updateComplete
    expect($(inner, '[part=label]')!.textContent).to.equal('选择城市')
    wrap.remove()
  })
})

describe('<region-picker> search and keyboard', () => {
  it('opens from the trigger with ArrowDown, moves with arrows/Home/End, selects with Enter', async () => {
    const p = await picker()
    $(p, '[part=trigger]')!.focus()
    await sendKeys({ press: 'ArrowDown' })
    await waitFor(() => $(p, '[role=option]'))
    expect(deepActive()).to.equal($(p, 'input'))
    await sendKeys({ type: 'hz' })
    await waitFor(() => $(p, '.results [role=option]'))
    const input = $(p, 'input')!
    await waitFor(() => input.getAttribute('aria-activedescendant'))
    const results = $$(p, '.results [role=option]')
    expect(input.getAttribute('aria-activedescendant')).to.equal(results[0].id)
    expect(results[0].textContent).to.contain('杭州')
    if (results.length > 1) {
      await sendKeys({ press: 'ArrowDown' })
      expect(input.getAttribute('aria-activedescendant')).to.equal(results[1].id)
      await sendKeys({ press: 'End' })
      expect(input.getAttribute('aria-activedescendant')).to.equal(results.at(-1)!.id)
      await sendKeys({ press: 'Home' })
      expect(input.getAttribute('aria-activedescendant')).to.equal(results[0].id)
    }
    const changed = nextChange(p)
    await sendKeys({ press: 'Enter' })
    expect((await changed).detail.name).to.equal('杭州')
    await p.updateComplete
    expect(deepActive()).to.equal($(p, '[part=trigger]'))
  })

  it('a search typed before the regions arrive activates its best match when they do', async () => {
    const p = await picker('', fixtureApi(uid(), '/delay/400'))
    $(p, '[part=trigger]')!.click()
    await p.updateComplete
    const input = $(p, 'input') as HTMLInputElement
    input.focus()
    input.value = 'hangzhou'
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
    await p.updateComplete
    expect($(p, '[role=option]')).to.equal(null)
    await waitFor(() => input.getAttribute('aria-activedescendant'), 5000, 'active best match')
    const changed = nextChange(p)
    await sendKeys({ press: 'Enter' })
    expect((await changed).detail.name).to.equal('杭州')
  })

  it('type-ahead: a character typed on the trigger opens a search', async () => {
    const p = await picker()
    $(p, '[part=trigger]')!.focus()
    await sendKeys({ press: 'b' })
    await waitFor(() => $(p, '.results [role=option]'))
    expect(($(p, 'input') as HTMLInputElement).value).to.equal('b')
    await sendKeys({ type: 'j' })
    await waitFor(() => $(p, '.results [role=option]')?.textContent?.includes('北京'))
  })

  it('Escape closes and returns focus to the trigger', async () => {
    const p = await picker()
    $(p, '[part=trigger]')!.click()
    await waitFor(() => $(p, '[role=option]'))
    await sendKeys({ press: 'Escape' })
    expect(p.open).to.equal(false)
    await p.updateComplete
    expect(deepActive()).to.equal($(p, '[part=trigger]'))
  })

  it('ArrowUp from nothing goes to the last option; clicking outside closes', async () => {
    const p = await open(await picker())
    await sendKeys({ press: 'ArrowUp' })
    const input = $(p, 'input')!
    const opts = $$(p, '.all [role=option]')
    expect(input.getAttribute('aria-activedescendant')).to.equal(opts.at(-1)!.id)
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }))
    expect(p.open).to.equal(false)
  })

  // Full names too: the suffix kind derived from the code (盟, 市, 自治区) or sent by the CMS (喀什地区).
  for (const [q, expected, lang = 'zh-CN'] of [
    ['beijing', '北京'],
    ['北京', '北京'],
    ["xi'an", '西安'],
    ['Bei Jing', '北京'],
    ['suzhoushi', '苏州'],
    ['xilinguolemeng', '锡林郭勒'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['kashidiqu', '喀什'],
    ['neimenggu zizhiqu', '呼和浩特'],
    ['Hong Kong SAR', 'Hong Kong', 'en'],
    ['Xilingol League', 'Xilingol', 'en'],
    ['Inner Mongolia', 'Hohhot', 'en'],
  ])
    it(`search input "${q}" → ${expected} (${lang})`, async () => {
      const p = await open(await picker(`lang="${lang}"`))
      const input = $(p, 'input') as HTMLInputElement
      input.value = q
      input.dispatchEvent(new Event('input'))
      await waitFor(() => $(p, '.results [role=option]'))
      expect($$(p, '.results [role=option]')[0].textContent).to.contain(expected)
    })

  it('taizhou lists both 台州 and 泰州 with their provinces; unmatched shows a status', async () => {
    const p = await open(await picker())
    const input = $(p, 'input') as HTMLInputElement
    input.value = 'taizhou'
    input.dispatchEvent(new Event('input'))
    await waitFor(() => $$(p, '.results [role=option]').length >= 2)
    const texts = $$(p, '.results [role=option]').slice(0, 2).map((o) => o.textContent!.replace(/\s+/g, ' ').trim())
    expect(texts).to.have.members(['台州 浙江', '泰州 江苏'])
    input.value = 'zzzzzz'
    input.dispatchEvent(new Event('input'))
    await waitFor(() => $(p, '[role=status]')?.textContent === '没有匹配的城市')
    await expectNoAxeViolations(p)
  })
})

describe('<region-picker> initials and letters an editor set', () => {
  // As the CMS sends them: only where they differ from the ones derived from the pinyin.
  const tree: RegionTreeResponse = {
    source: 'inline test',
    provinces: [
      { code: '110000', name: '北京', py: 'bei jing' },
      { code: '500000', name: '重庆', py: 'chong qing', ini: 'zq', ltr: 'Z' },
      { code: '330000', name: '浙江', py: 'zhe jiang', cities: [{ code: '330100', name: '杭州', py: 'hang zhou', ini: 'hzh' }] },
    ],
  }

  async function inline() {
    const p = await picker('', window.__TEST_ENV__.downUrl)
    p.regions = tree
    return open(p)
  }
  const search = async (p: RegionPicker, q: string) => {
    const input = $(p, 'input') as HTMLInputElement
    input.value = q
    input.dispatchEvent(new Event('input'))
    await p.updateComplete
    return $$(p, '.results [role=option]').map((o) => o.textContent!.replace(/\s+/g, ' ').trim())
  }

  it('lists a province under the letter an editor set, in the index too', async () => {
    const p = await inline()
    expect($$(p, '[part=index-letter]').map((b) => b.textContent)).to.deep.equal(['B', 'Z'])
    const z = $(p, '#L-Z')!
    expect(z.getAttribute('aria-label')).to.equal('重庆')
    expect($(p, '.all [role=group][aria-label=浙江]')!.id).to.equal('')
  })

  it('finds regions by the initials an editor set, not the derived ones', async () => {
    const p = await inline()
    expect(await search(p, 'zq')).to.deep.equal(['重庆'])
    expect(await search(p, 'cq')).to.deep.equal([])
    expect(await search(p, 'hzh')).to.deep.equal(['杭州 浙江'])
    expect(await search(p, 'hzhs')).to.deep.equal(['杭州 浙江'])
    expect(await search(p, 'hangzhou')).to.deep.equal(['杭州 浙江'])
  })
})

describe('<region-picker> nearest city', () => {
  it('proposes the closest city from host coordinates and never blocks manual choice', async () => {
    const p = await open(await picker('latitude="30.2" longitude="120.2"'))
    const chip = await waitFor(() => $<HTMLButtonElement>(p, '[part=nearest]'))
    expect(chip.textContent).to.contain('杭州')
    expect(option(p, '西安')).to.exist
    const changed = nextChange(p)
    chip.click()
    expect((await changed).detail.code).to.equal('330100')
  })

  it('uses browser geolocation with the locate attribute', async () => {
    const geo = navigator.geolocation
    const original = geo.getCurrentPosition
    Object.defineProperty(geo, 'getCurrentPosition', {
      configurable: true,
      value: (ok: PositionCallback) => ok({ coords: { latitude: 34.3, longitude: 108.9 } } as GeolocationPosition),
    })
    try {
      const p = await open(await picker('locate'))
      const chip = await waitFor(() => $(p, '[part=nearest]'))
      expect(chip.textContent).to.contain('西安')
    } finally {
      Object.defineProperty(geo, 'getCurrentPosition', { configurable: true, value: original })
    }
  })

  it('shows no chip when geolocation fails', async () => {
    const geo = navigator.geolocation
    const original = geo.getCurrentPosition
    Object.defineProperty(geo, 'getCurrentPosition', {
      configurable: true,
      value: (_ok: PositionCallback, err: PositionErrorCallback) => err({ code: 1, message: 'denied' } as GeolocationPositionError),
    })
    try {
      const p = await open(await picker('locate'))
      await p.updateComplete
      expect($(p, '[part=nearest]')).to.equal(null)
      expect(option(p, '杭州')).to.exist
    } finally {
      Object.defineProperty(geo, 'getCurrentPosition', { configurable: true, value: original })
    }
  })
})

describe('<region-picker> inline data', () => {
  const tree: RegionTreeResponse = {
    source: 'inline test',
    provinces: [
      { code: '110000', name: '北京', py: 'bei jing', hot: true },
      { code: '330000', name: '浙江', py: 'zhe jiang', cities: [{ code: '330100', name: '杭州', py: 'hang zhou', tel: '0571-1' }] },
    ],
  }

  it('reads a <script type="application/json"> child and makes no request', async () => {
    const host = document.createElement('div')
    host.innerHTML = `<region-picker api="${window.__TEST_ENV__.downUrl}"><script type="application/json">${JSON.stringify(tree)}</script></region-picker>`
    document.body.append(host)
    const p = host.firstElementChild as RegionPicker
    await open(p)
    expect($$(p, '.all [role=option]').map((o) => o.textContent!.trim())).to.include.members(['北京', '杭州'])
    const changed = nextChange(p)
    option(p, '杭州').click()
    expect((await changed).detail).to.include({ code: '330100', tel: '0571-1' })
    host.remove()
  })

  it('takes a regions property', async () => {
    const t = trackUncaught()
    const p = await picker('', window.__TEST_ENV__.downUrl)
    p.regions = tree
    p.value = '330100'
    await waitFor(() => $(p, '[part=label]')!.textContent === '杭州')
    await open(p)
    expect($(p, '[part=error]')).to.equal(null)
    t.stop()
    expect(t.errors).to.deep.equal([])
  })
})

describe('<region-picker> form association', () => {
  async function inForm(attrs: string) {
    const form = document.createElement('form')
    form.innerHTML = `<region-picker name="city" api="${liveApi()}" ${attrs}></region-picker><button>ok</button>`
    document.body.append(form)
    const p = form.querySelector('region-picker')!
    await p.updateComplete
    return { form, p }
  }

  it('submits its value under its name and resets to the default value', async () => {
    const { form, p } = await inForm('value="330100"')
    expect(p.form).to.equal(form)
    expect(new FormData(form).get('city')).to.equal('330100')
    await open(p)
    option(p, '西安').click()
    await p.updateComplete
    expect(new FormData(form).get('city')).to.equal('610100')
    form.reset()
    await p.updateComplete
    expect(p.value).to.equal('330100')
    expect(new FormData(form).get('city')).to.equal('330100')
    form.remove()
  })

  it('is invalid while required and empty, with a translated message', async () => {
    const { form, p } = await inForm('required no-remember')
    expect(form.checkValidity()).to.equal(false)
    expect(p.validity.valueMissing).to.equal(true)
    expect(p.validationMessage).to.equal('请选择城市')
    await open(p)
    option(p, '杭州').click()
    await p.updateComplete
    expect(form.checkValidity()).to.equal(true)
    form.lang = 'en'
    p.value = ''
    await p.updateComplete
    expect(p.validationMessage).to.equal('Please choose a city')
    form.remove()
  })

  it('is not submitted and not interactive when disabled, directly or by a fieldset', async () => {
    const { form, p } = await inForm('value="330100" disabled')
    expect(new FormData(form).has('city')).to.equal(false)
    expect(($(p, '[part=trigger]') as HTMLButtonElement).disabled).to.equal(true)
    await p.show()
    expect(p.open).to.equal(false)
    p.disabled = false
    await p.updateComplete
    expect(new FormData(form).get('city')).to.equal('330100')
    const fs = document.createElement('fieldset')
    form.append(fs)
    fs.append(p)
    fs.disabled = true
    await p.updateComplete
    expect(($(p, '[part=trigger]') as HTMLButtonElement).disabled).to.equal(true)
    expect(new FormData(form).has('city')).to.equal(false)
    form.remove()
  })

  it('restores form state', async () => {
    const { form, p } = await inForm('')
    p.formStateRestoreCallback('321200')
    await waitFor(() => $(p, '[part=label]')!.textContent === '泰州')
    form.remove()
  })
})
