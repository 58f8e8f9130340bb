import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootPayload, type BootedPayload } from '../support/boot-payload'

let booted: BootedPayload
beforeAll(async () => {
  booted = await bootPayload()
})
afterAll(async () => booted?.close())

describe('boot', () => {
  it('creates a category, a region and a published article', async () => {
    const { payload } = booted
    const category = await payload.create({ collection: 'categories', data: { name: '行业新闻', slug: 'industry' } })
    const region = await payload.create({ collection: 'regions', data: { name: '浙江', code: '330000', level: 'province' } })
    const article = await payload.create({
      collection: 'articles',
      data: { title: '托盘循环共用的新进展', category: category.id, regions: [region.id], _status: 'published' },
    })
    expect(article.slug).toBe('tuo-pan-xun-huan-gong-yong-de-xin-jin-zhan')
    expect(article.publishedAt).toBeTruthy()
  })
})
