/** One division as stored in region-data.json (written by scripts/build-regions.ts, read by the seed). */
export interface RegionRecord {
  code: string
  level: 'province' | 'city'
  /** Code of the province, for cities. */
  parent: string | null
  name: string
  shortName: string
  nameEn: string
  shortNameEn: string
  /** Pinyin syllables separated by single spaces. */
  pinyin: string
  initials: string
  letter: string
  order: number
  hot: boolean
  lat: number
  lng: number
}
