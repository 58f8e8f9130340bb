import { type Config, sanitizeFallbackLocale } from 'payload'
import { describe, expect, it } from 'vitest'
import { localApiFallback, resolveFallbacks } from '../../../cms/plugin/locale-fallback'
import { resolveOptions } from '../../../cms/plugin/options'

type Localization = Exclude<Config['localization'], false | undefined>

/** The fallback Payload itself picks for a request without one, from its sanitized form of this localization. */
const payloadsChoice = (host: Localization, locale: string) => {
  const locales = host.locales.map((l) => (typeof l === 'string' ? { code: l, label: l } : l))
  const localization = { ...host, fallback: host.fallback ?? true, locales, localeCodes: locales.map((l) => l.code) }
  return sanitizeFallbackLocale({ fallbackLocale: undefined as never, locale, localization: localization as never })
}

/** Payload's choice as a chain: what afterRead would read, in order (the locale itself and unknown codes give nothing). */
const asChain = (choice: unknown, locale: string, codes: string[]) =>
  (choice === false || choice === null || choice === undefined ? [] : Array.isArray(choice) ? choice : [choice]).filter((c) => c !== locale && codes.includes(c))

const hosts: Record<string, Localization> = {
  'default fallback': { locales: ['en', 'zh', 'fr'], defaultLocale: 'en' },
  'fr falls back to zh': {
    locales: [{ code: 'en', label: 'English' }, { code: 'zh', label: '中文' }, { code: 'fr', label: 'Français', fallbackLocale: 'zh' }],
    defaultLocale: 'en',
    fallback: true,
  },
  'lists, an empty list, an unknown code, the default falling back': {
    locales: [
      { code: 'en', label: 'English', fallbackLocale: 'zh' },
      { code: 'zh', label: '中文', fallbackLocale: [] },
      { code: 'fr', label: 'Français', fallbackLocale: ['ja', 'xx', 'zh', 'ja'] },
      { code: 'ja', label: '日本語', fallbackLocale: 'xx' },
      { code: 'de', label: 'Deutsch', fallbackLocale: '' },
    ],
    defaultLocale: 'en',
  },
  'fallback off': {
    locales: [{ code: 'en', label: 'English' }, { code: 'zh', label: '中文' }, { code: 'fr', label: 'Français', fallbackLocale: 'zh' }],
    defaultLocale: 'en',
    fallback: false,
  },
}

describe('fallback locales resolved from the host', () => {
  for (const [name, host] of Object.entries(hosts))
    it(`match Payload's own choice: ${name}`, () => {
      const codes = host.locales.map((l) => (typeof l === 'string' ? l : l.code))
      const chains = resolveFallbacks(codes, host)
      for (const code of codes) expect(chains[code], code).toEqual([...new Set(asChain(payloadsChoice(host, code), code, codes))])
    })

  it('gives the chains the cases name', () => {
    const lists = hosts['lists, an empty list, an unknown code, the default falling back']!
    expect(resolveFallbacks(['en', 'zh', 'fr', 'ja', 'de'], lists)).toEqual({ en: ['zh'], zh: [], fr: ['ja', 'zh'], ja: [], de: ['en'] })
    expect(resolveFallbacks(['en', 'zh', 'fr'], hosts['fr falls back to zh'])).toEqual({ en: [], zh: ['en'], fr: ['zh'] })
    expect(resolveFallbacks(['en', 'zh', 'fr'], hosts['fallback off'])).toEqual({ en: [], zh: [], fr: [] })
  })

  it('without a host localization: the plugin\'s own (default first, fallback on)', () => {
    expect(resolveFallbacks(['zh', 'en'], undefined)).toEqual({ zh: [], en: ['zh'] })
    expect(resolveOptions({}, {}).fallbackOf).toEqual({ zh: [], en: ['zh'] })
  })

  it('keeps the host rules when the plugin option narrows the locales', () => {
    // The host's default (en) stays the fallback even though the plugin serves zh first.
    const options = resolveOptions({ locales: ['zh', 'fr'] }, { localization: hosts['default fallback'] })
    expect(options.locales).toEqual(['zh', 'fr'])
    expect(options.fallbackOf).toEqual({ zh: ['en'], fr: ['en'] })
  })

  it('passes the Local API false for none, a code for one, a list for several', () => {
    expect(localApiFallback([])).toBe(false)
    expect(localApiFallback(['zh'])).toBe('zh')
    expect(localApiFallback(['ja', 'zh'])).toEqual(['ja', 'zh'])
    expect(localApiFallback(undefined)).toBeUndefined()
  })
})
