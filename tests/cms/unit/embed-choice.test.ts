import { describe, expect, it } from 'vitest'
import { readEmbedPreset } from '../../../cms/plugin/admin/embed/embed-preset'
import { type EmbedChoice, embedSnippet } from '../../../cms/plugin/admin/embed/embed-snippet'
import { fragmentUrl } from '../../../cms/plugin/admin/embed/fragment-snippet'

const base: EmbedChoice = { element: 'article-list', category: '', region: '', layout: 'vertical', pageSize: 6, paging: 'pages', sort: '-publishedAt', lang: 'zh-CN', accent: '', slug: '' }
const SITE = 'https://news.example.com'

describe("the embed builder's choices", () => {
  it('a list following a picker brings the picker and names it; the include leaves the region out', () => {
    const choice = { ...base, region: 'follow', paging: 'more' as const }
    const snippet = embedSnippet(SITE, choice)
    expect(snippet).toBe(
      `<script type="module" src="${SITE}/widgets/v1/widgets.js"></script>\n` +
        '<region-picker id="news-region-picker" lang="zh-CN"></region-picker>\n' +
        '<article-list lang="zh-CN" region-source="#news-region-picker" layout="vertical" page-size="6" paging="more" sort="-publishedAt"></article-list>',
    )
    expect(new URL(fragmentUrl(SITE, '/api/news', choice)).searchParams.has('region')).toBe(false)
  })

  it('an article card loads by slug and has no server include', () => {
    const choice = { ...base, element: 'article-card' as const, slug: 'a"b', layout: 'compact' as const }
    expect(embedSnippet(SITE, choice)).toContain('<article-card lang="zh-CN" slug="a&quot;b" layout="compact"></article-card>')
    expect(fragmentUrl(SITE, '/api/news', choice)).toBe('')
  })

  it('a preset takes known elements, codes and slugs, and drops the rest', () => {
    expect(readEmbedPreset({ element: 'article-card', slug: 'hello' })).toEqual({ element: 'article-card', slug: 'hello' })
    expect(readEmbedPreset({ element: 'article-list', region: '320500', category: 'policy' })).toEqual({ element: 'article-list', region: '320500', category: 'policy' })
    expect(readEmbedPreset({ element: 'script', region: '32050', slug: 'x'.repeat(201) })).toEqual({})
    expect(readEmbedPreset({ region: ['follow', '320500'] })).toEqual({ region: 'follow' })
  })
})

describe("the edit views' embed action", () => {
  const beforeControls = async (adminComponents?: string | false) => {
    const { regionalNews } = await import('../../../cms/plugin')
    const { lexicalEditor } = await import('@payloadcms/richtext-lexical')
    const config = regionalNews({ adminComponents })({ collections: [], editor: lexicalEditor() } as never)
    return Object.fromEntries(['articles', 'categories', 'regions'].map((slug) => [slug, config.collections!.find((c) => c.slug === slug)!.admin?.components?.edit?.beforeDocumentControls]))
  }

  // The first import of the plugin (Payload and its collections) takes ~5 s cold on a loaded machine.
  it('is in the article, category and region edit views, preset by kind, and absent with adminComponents: false', { timeout: 30_000 }, async () => {
    expect(await beforeControls()).toEqual({
      articles: [{ path: 'payload-regional-news/client#EmbedPresetLink', clientProps: { kind: 'article' } }],
      categories: [{ path: 'payload-regional-news/client#EmbedPresetLink', clientProps: { kind: 'category' } }],
      regions: [{ path: 'payload-regional-news/client#EmbedPresetLink', clientProps: { kind: 'region' } }],
    })
    expect(await beforeControls(false)).toEqual({ articles: undefined, categories: undefined, regions: undefined })
  })
})
