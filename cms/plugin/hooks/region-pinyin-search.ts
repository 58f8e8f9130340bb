import type { CollectionBeforeOperationHook, Payload, Where } from 'payload'
import type { RegionNode } from '../../../wire/index'
import { suffixOfName } from '../../../wire/region-suffix'
// The one search of the project, as <region-picker> and the articles' region field use it (not a copy).
import { RegionSearch } from '../../../widgets/region-picker/region-search'

type Id = string | number
interface RegionDoc {
  id: Id
  code: string
  level: 'province' | 'city'
  parent?: Id | null
  name?: string
  shortName?: string
  pinyin?: string
  initials?: string
  hot?: boolean
}

const FIELD = 'pinyin'

/** The `like` terms of every `pinyin` condition in a where tree. */
const pinyinTerms = (where: Where | undefined, into: Set<string>): Set<string> => {
  if (!where || typeof where !== 'object') return into
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) for (const w of value) pinyinTerms(w as Where, into)
    else if (key === FIELD && typeof (value as { like?: unknown })?.like === 'string') into.add((value as { like: string }).like)
  }
  return into
}

/** The where tree with each `pinyin like t` widened to `pinyin like t OR id in (regions the search finds for t)`. */
const widen = (where: Where, ids: Map<string, Id[]>): Where => {
  const out: Where = {}
  const widened: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) out[key] = value.map((w) => widen(w as Where, ids))
    else if (key === FIELD && typeof (value as { like?: unknown })?.like === 'string' && ids.get((value as { like: string }).like)?.length)
      widened.push({ or: [{ [key]: value } as Where, { id: { in: ids.get((value as { like: string }).like)! } }] })
    else out[key] = value as Where[string]
  }
  if (!widened.length) return out
  return Object.keys(out).length ? { and: [out, ...widened] } : widened.length === 1 ? widened[0]! : { and: widened }
}

/** Every region as the picker's search reads it, with the Chinese names (汉字 match whatever the admin's language). */
const searchOver = async (payload: Payload, slug: string): Promise<{ search: RegionSearch; idByCode: Map<string, Id> }> => {
  const localization = payload.config.localization
  const locale = localization ? (localization.localeCodes.find((c) => /^zh/i.test(c)) ?? localization.defaultLocale) : undefined
  const { docs } = await payload.find({
    collection: slug as never,
    pagination: false,
    depth: 0,
    locale: locale as never,
    overrideAccess: true,
    select: { code: true, level: true, parent: true, name: true, shortName: true, pinyin: true, initials: true, hot: true } as never,
  })
  const regions = docs as unknown as RegionDoc[]
  const node = (r: RegionDoc): RegionNode => {
    const name = r.shortName || r.name || r.code
    const sfx = r.name ? suffixOfName(r.name, name) : undefined
    return { code: r.code, name, py: r.pinyin ?? '', ...(r.initials ? { ini: r.initials } : {}), ...(r.hot ? { hot: true as const } : {}), ...(sfx !== undefined ? { sfx } : {}) }
  }
  const nodes = new Map<Id, RegionNode>(regions.map((r) => [r.id, node(r)]))
  const entries = regions.map((r) => ({ node: nodes.get(r.id)!, province: r.level === 'city' && r.parent != null ? nodes.get(r.parent) : undefined }))
  return { search: new RegionSearch(entries), idByCode: new Map(regions.map((r) => [r.code, r.id])) }
}

/**
 * Pinyin is stored as syllables ("su zhou"), so a database `like` never finds `suzhou` or `suzhoushi`. A `pinyin`
 * `like` condition (the regions list's search box asks one, as does `?where[pinyin][like]=` over REST) therefore also
 * matches, by id, the regions <region-picker>'s search finds for the term: compact pinyin, initials, full names with
 * their suffix, a province's cities. Access still applies to the widened query as to any other.
 */
export const regionPinyinSearch: CollectionBeforeOperationHook = async ({ args, operation, collection, req }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: Where }).where
  const terms = pinyinTerms(where, new Set())
  if (!where || terms.size === 0) return args
  const { search, idByCode } = await searchOver(req.payload, collection.slug)
  const ids = new Map([...terms].map((t) => [t, search.search(t, idByCode.size).map((e) => idByCode.get(e.node.code)!)]))
  return { ...args, where: widen(where, ids) }
}
