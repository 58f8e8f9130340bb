import type { Payload } from 'payload'
import { lexicalBody } from './fixtures'

type Id = string | number
type Doc = { id: Id; slug?: string } & Record<string, unknown>

export interface NewsFixtures {
  categories: { industry: Doc; policy: Doc }
  regions: Record<'zhejiang' | 'hangzhou' | 'ningbo' | 'wenzhou' | 'jiangsu' | 'nanjing' | 'beijing', Doc>
  /** Published articles by key. */
  articles: Record<string, Doc>
}

/** A day in January 2026 at 08:00 UTC. */
export const jan = (day: number) => new Date(Date.UTC(2026, 0, day, 8)).toISOString()

/**
 * A small, precise world: two provinces with cities, a municipality without cities, an inactive city, two
 * categories (one without English text), and articles placed so every region rule and sort has a witness.
 */
export const createNewsFixtures = async (payload: Payload): Promise<NewsFixtures> => {
  const create = async (collection: string, data: Record<string, unknown>, locale = 'zh') =>
    (await payload.create({ collection: collection as never, data: data as never, locale: locale as never })) as unknown as Doc
  const translate = (collection: string, id: Id, data: Record<string, unknown>) =>
    payload.update({ collection: collection as never, id, data: data as never, locale: 'en' as never })

  const industry = await create('categories', { name: '行业新闻', slug: 'industry', description: '行业动态', order: 1 })
  await translate('categories', industry.id, { name: 'Industry news', description: 'What the industry does' })
  const policy = await create('categories', { name: '政策法规', slug: 'policy', order: 2 })

  const region = async (code: string, name: string, level: 'province' | 'city', parent?: Doc, extra: Record<string, unknown> = {}) => {
    const doc = await create('regions', { code, name, shortName: name, level, parent: parent?.id, pinyin: code, ...extra })
    return doc
  }
  const zhejiang = await region('330000', '浙江', 'province', undefined, { order: 2 })
  await translate('regions', zhejiang.id, { name: 'Zhejiang', shortName: 'Zhejiang' })
  const hangzhou = await region('330100', '杭州', 'city', zhejiang, { hot: true, latitude: 30.27, longitude: 120.15 })
  const ningbo = await region('330200', '宁波', 'city', zhejiang)
  const wenzhou = await region('330300', '温州', 'city', zhejiang, { active: false })
  const jiangsu = await region('320000', '江苏', 'province', undefined, { order: 3 })
  const nanjing = await region('320100', '南京', 'city', jiangsu)
  const beijing = await region('110000', '北京', 'province', undefined, { order: 1 })

  const article = (title: string, category: Doc, regions: Doc[], day: number, extra: Record<string, unknown> = {}) =>
    create('articles', {
      title,
      category: category.id,
      regions: regions.map((r) => r.id),
      publishedAt: jan(day),
      body: lexicalBody(`${title} 正文。`),
      author: '编辑部',
      _status: 'published',
      ...extra,
    })

  const articles: Record<string, Doc> = {}
  articles.hangzhou = await article('杭州托盘新规', industry, [hangzhou], 10, { slug: 'hangzhou-pallets', featured: true })
  articles.zhejiang = await article('浙江物流通报', industry, [zhejiang], 9, { slug: 'zhejiang-logistics' })
  articles.ningbo = await article('宁波港口扩建', industry, [ningbo], 8, { slug: 'ningbo-port' })
  articles.nationwide = await article('全国托盘标准', industry, [], 7, { slug: 'national-standard' })
  articles.nanjing = await article('南京仓储会议', industry, [nanjing], 6, { slug: 'nanjing-storage' })
  articles.beijing = await article('北京冷链', industry, [beijing], 5, { slug: 'beijing-cold-chain' })
  articles.twoCities = await article('杭州南京联动', industry, [hangzhou, nanjing], 4, { slug: 'hangzhou-nanjing' })
  articles.policyHangzhou = await article('杭州补贴政策', policy, [hangzhou], 11, { slug: 'hangzhou-subsidy' })
  await translate('articles', articles.hangzhou.id, { title: 'Hangzhou pallet rules', excerpt: 'Rules for pallets in Hangzhou' })
  return { categories: { industry, policy }, regions: { zhejiang, hangzhou, ningbo, wenzhou, jiangsu, nanjing, beijing }, articles }
}
