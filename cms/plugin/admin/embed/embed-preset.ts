import { EMBED_ELEMENTS, type EmbedChoice, type EmbedElement, FOLLOW_PICKER } from './embed-snippet'

/** What an edit view's "copy embed snippet" action presets: `/admin/embed?element=…&category=…|region=…|slug=…`. */
export type EmbedPreset = Partial<Pick<EmbedChoice, 'element' | 'category' | 'region' | 'slug'>>

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Reads a preset from the builder's query; anything malformed is ignored, not passed on into the snippet. */
export const readEmbedPreset = (query: Record<string, string | string[] | undefined> = {}): EmbedPreset => {
  const preset: EmbedPreset = {}
  const element = first(query.element)
  if (element && (EMBED_ELEMENTS as readonly string[]).includes(element)) preset.element = element as EmbedElement
  const category = first(query.category)
  if (category && category.length <= 120) preset.category = category
  const region = first(query.region)
  if (region && (/^\d{6}$/.test(region) || region === FOLLOW_PICKER)) preset.region = region
  const slug = first(query.slug)
  if (slug && slug.length <= 200) preset.slug = slug
  return preset
}

export const embedPresetHref = (adminRoute: string, preset: EmbedPreset) => {
  const query = new URLSearchParams(Object.entries(preset).filter((e): e is [string, string] => Boolean(e[1])))
  return `${adminRoute}/embed?${query}`
}
