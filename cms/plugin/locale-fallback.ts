import type { Config } from 'payload'

/** Per locale, where Payload reads a localized field the locale has no value for: these locales in order, or none. */
export type FallbackChains = Record<string, readonly string[]>

/**
 * The fallback Payload's own `find` uses for each public locale when the request names none (its
 * sanitizeFallbackLocale, then afterRead): none with `localization.fallback: false`; else the locale's own
 * `fallbackLocale` (a code or a list) when set, else the default locale. Without a host localization the plugin adds
 * one (default `locales[0]`, fallback on). The locale itself and codes the host lacks are dropped: Payload finds no
 * value there, and the SQL path must not compare a PostgreSQL locale enum with an unknown code.
 */
export const resolveFallbacks = (locales: readonly string[], host: Config['localization'] | undefined): FallbackChains => {
  const chains: Record<string, readonly string[]> = {}
  if (!host) {
    for (const code of locales) chains[code] = code === locales[0] ? [] : [locales[0]!]
    return chains
  }
  const hostCodes = host.locales.map((l) => (typeof l === 'string' ? l : l.code))
  // Payload's sanitized config turns an unset `fallback` into true.
  const enabled = host.fallback ?? true
  for (const code of locales) {
    if (!enabled) {
      chains[code] = []
      continue
    }
    const own = host.locales.find((l): l is Exclude<typeof l, string> => typeof l !== 'string' && l.code === code)?.fallbackLocale
    // An empty list is still "set" (no fallback); an empty string is not (the default locale), as in Payload.
    const chain = own ? (Array.isArray(own) ? own : [own]) : [host.defaultLocale]
    chains[code] = [...new Set(chain)].filter((c) => c !== code && hostCodes.includes(c))
  }
  return chains
}

/**
 * The `fallbackLocale` to pass to the Local API for this chain: false for none (Payload's "no fallback"); undefined
 * (Payload's own choice) for a locale that has no chain, i.e. is not a public locale.
 */
export const localApiFallback = (chain: readonly string[] | undefined): string | string[] | false | undefined =>
  chain === undefined ? undefined : chain.length === 0 ? false : chain.length === 1 ? chain[0]! : [...chain]
