/**
 * What a reader derives from a region's pinyin instead of the tree shipping it: its initials ("bei jing" → "bj")
 * and a province's A–Z grouping letter ("B"). An editor may set either in the admin; the tree then carries that
 * value (`ini`, `ltr` in wire.ts), only where it differs from this derivation. Shared by the CMS and the widgets.
 */

export const syllablesOf = (py: string) => py.toLowerCase().trim().split(/\s+/)

export const initialsOf = (py: string) =>
  syllablesOf(py)
    .map((s) => s[0] ?? '')
    .join('')

export const letterOf = (py: string) => (py.trim()[0] ?? '#').toUpperCase()
