import type { Where } from 'payload'

/** A `<field> equals <id>` condition alone in its object: the province filter's own condition. */
const isFilterOn = (field: string, w: Where) => Object.keys(w).length === 1 && (w[field] as { equals?: unknown } | undefined)?.equals !== undefined

/** Branches of the where as Payload's filter builder writes it: `{ or: [{ and: [...] }, …] }`. */
const branchesOf = (where: Where | undefined): Where[][] => {
  if (!where || Object.keys(where).length === 0) return [[]]
  if (Object.keys(where).length === 1 && Array.isArray(where.or)) return where.or.map((b) => (Array.isArray(b.and) && Object.keys(b).length === 1 ? b.and : [b]))
  return [[where]]
}

/** The id the list is filtered on (`<field> equals id` in every branch), if any. */
export const provinceOf = (where: Where | undefined, field: string): string | undefined => {
  const found = branchesOf(where).map((b) => b.find((c) => isFilterOn(field, c)))
  const first = found[0]
  if (!first || found.some((c) => !c || String((c[field] as { equals: unknown }).equals) !== String((first[field] as { equals: unknown }).equals))) return undefined
  return String((first[field] as { equals: unknown }).equals)
}

/**
 * The list's where with the province condition replaced (or removed when `id` is empty), in the shape Payload's
 * filter builder reads, so the condition also shows, editable, under 筛选 / Filters beside any others.
 */
export const withProvince = (where: Where | undefined, field: string, id: string | undefined): Where => {
  const branches = branchesOf(where)
    .map((b) => [...b.filter((c) => !isFilterOn(field, c)), ...(id ? [{ [field]: { equals: id } } as Where] : [])])
    .filter((b) => b.length > 0)
  return branches.length ? { or: branches.map((and) => ({ and })) } : {}
}
