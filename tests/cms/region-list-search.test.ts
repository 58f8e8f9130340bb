import type { Where } from 'payload'
import { mergeListSearchAndWhere } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedRegions } from '../../cms/plugin'
import { provinceOf, withProvince } from '../../cms/plugin/admin/region-list/province-where'
import { bootPayload, type BootedPayload } from '../support/boot-payload'

/**
 * The regions list's search box over 389 regions: Payload turns it into `like` conditions on the collection's
 * listSearchableFields; pinyin is stored as syllables ("su zhou"), so the plugin widens the pinyin condition with the
 * picker's own search. Checked with the exact where the list view builds, on every database.
 */
type Id = string | number
type Region = { id: Id; code: string; level: string; parent?: Id | null; active?: boolean }

let booted: BootedPayload
let admin: Record<string, unknown>
const byCode = new Map<string, Region>()

beforeAll(async () => {
  booted = await bootPayload()
  await seedRegions(booted.payload)
  const { docs } = await booted.payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true })
  for (const r of docs as unknown as Region[]) byCode.set(r.code, r)
  admin = (await booted.payload.create({
    collection: 'users',
    data: { email: 'regions-admin@example.com', password: 'Regions-pass-1234', roles: ['admin'] } as never,
    overrideAccess: true,
  })) as unknown as Record<string, unknown>
})
afterAll(async () => booted?.close())

/** What the admin's list asks for `?search=<term>` (and the province filter's where), as a logged-in admin. */
const listSearch = async (search: string, where?: Where, opts: { user?: Record<string, unknown> | null; locale?: 'zh' | 'en' } = {}) => {
  const collectionConfig = booted.payload.collections.regions.config
  const { docs, totalDocs } = await booted.payload.find({
    collection: 'regions',
    where: mergeListSearchAndWhere({ collectionConfig, search, where }),
    sort: 'code',
    limit: 50,
    depth: 0,
    locale: opts.locale ?? 'zh',
    user: opts.user === undefined ? admin : (opts.user ?? undefined),
    overrideAccess: false,
  })
  expect(totalDocs).toBe(docs.length)
  return (docs as unknown as Region[]).map((r) => r.code)
}

describe('the regions list search', () => {
  it('finds 苏州 (and 宿州, also su zhou) by compact pinyin, which a database like on "su zhou" cannot', async () => {
    expect(await listSearch('suzhou')).toEqual(['320500', '341300'])
    // With the official suffix and as initials, as the picker takes them.
    expect(await listSearch('suzhoushi')).toEqual(['320500', '341300'])
    // szs: 朔州, 苏州, 宿州, 随州, 深圳 (each sz + 市) and 石嘴山.
    expect(await listSearch('szs')).toEqual(['140600', '320500', '341300', '421300', '440300', '640200'])
    // Syllables, 汉字 and codes still match as before (Payload's like: each word somewhere, so "sui zhou" too).
    expect(await listSearch('su zhou')).toEqual(['320500', '341300', '421300'])
    expect(await listSearch('苏州')).toEqual(['320500'])
    expect(await listSearch('320500')).toEqual(['320500'])
  })

  it('lists a province with its cities for its pinyin, and works whatever the content locale', async () => {
    const jiangsu = byCode.get('320000')!
    const cities = [...byCode.values()].filter((r) => r.parent === jiangsu.id).map((r) => r.code).sort()
    expect(cities).toHaveLength(13)
    expect(await listSearch('jiangsu')).toEqual(['320000', ...cities])
    // English content: 汉字 still find (the search reads the Chinese names), as do pinyin and English names.
    expect(await listSearch('苏州', undefined, { locale: 'en' })).toEqual(['320500'])
    expect(await listSearch('suzhou', undefined, { locale: 'en' })).toEqual(['320500', '341300'])
  })

  it('narrows with the province filter: suzhou within 江苏 is 苏州 alone; 江苏 alone is its 13 cities', async () => {
    const jiangsu = String(byCode.get('320000')!.id)
    expect(await listSearch('suzhou', withProvince(undefined, 'parent', jiangsu))).toEqual(['320500'])
    const { docs } = await booted.payload.find({ collection: 'regions', where: withProvince(undefined, 'parent', jiangsu), pagination: false, depth: 0, user: admin, overrideAccess: false })
    expect(docs.map((r) => (r as unknown as Region).code).sort()).toEqual([...byCode.values()].filter((r) => r.code.startsWith('32') && r.level === 'city').map((r) => r.code).sort())
  })

  it('keeps access: an inactive region is found by an admin, never by an anonymous reader', async () => {
    const suzhou = byCode.get('320500')!
    await booted.payload.update({ collection: 'regions', id: suzhou.id, data: { active: false } as never, overrideAccess: true })
    try {
      expect(await listSearch('suzhou')).toEqual(['320500', '341300'])
      expect(await listSearch('suzhou', undefined, { user: null })).toEqual(['341300'])
    } finally {
      await booted.payload.update({ collection: 'regions', id: suzhou.id, data: { active: true } as never, overrideAccess: true })
    }
  })

  it('leaves queries without a pinyin condition alone, and finds nothing for nonsense', async () => {
    expect(await listSearch('qqqqzzzz')).toEqual([])
    const { docs } = await booted.payload.find({ collection: 'regions', where: { pinyin: { equals: 'su zhou' } }, sort: 'code', depth: 0, overrideAccess: true })
    expect(docs.map((r) => (r as unknown as Region).code)).toEqual(['320500', '341300'])
  })
})

describe('the province filter where', () => {
  it('replaces its own condition, keeps the others and reads back in the filter builder shape', () => {
    const other: Where = { hot: { equals: true } }
    const a = withProvince({ or: [{ and: [other] }] }, 'parent', '7')
    expect(a).toEqual({ or: [{ and: [other, { parent: { equals: '7' } }] }] })
    expect(withProvince(a, 'parent', '9')).toEqual({ or: [{ and: [other, { parent: { equals: '9' } }] }] })
    expect(withProvince(a, 'parent', undefined)).toEqual({ or: [{ and: [other] }] })
    expect(withProvince({ parent: { equals: '7' } }, 'parent', undefined)).toEqual({})
    expect(provinceOf(a, 'parent')).toBe('7')
    expect(provinceOf({ or: [{ and: [other] }] }, 'parent')).toBeUndefined()
    expect(provinceOf(undefined, 'parent')).toBeUndefined()
  })
})
