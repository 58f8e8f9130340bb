import { Feed } from 'feed'
import type { ArticleDetail } from '../../../wire/index'
import { esc } from './html'
import { articleUrl, feedUrl, listUrl, type PageContext } from './pages'
import { stringsFor } from './strings'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_FILES: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' }

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

/** Site-relative links in article HTML made absolute: feed readers show the content away from the site. */
const absoluteLinks = (html: string, origin: string) => html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${origin}/`)

/**
 * One category × region feed in RSS 2.0, Atom 1.0 or JSON Feed 1.1, with each article's full content (the same
 * sanitized HTML the article endpoint sends). Written by the `feed` library, not by hand.
 */
export const renderFeed = (
  ctx: PageContext,
  format: FeedFormat,
  q: { category?: { slug: string; name: string }; region?: { code: string; name: string } },
  articles: ArticleDetail[],
): string => {
  const { site, locale } = ctx
  const t = stringsFor(locale)
  const siteName = site.name[locale] ?? site.name.zh!
  const filter = { category: q.category?.slug, region: q.region?.code, locale }
  const home = `${site.url}${listUrl(ctx, filter)}`
  const feed = new Feed({
    id: home,
    link: home,
    title: (format === 'json' ? (v: string) => v : esc)([q.category?.name ?? t.all, q.region?.name, siteName].filter(Boolean).join(' · ')),
    description: site.description[locale] ?? '',
    language: locale === 'zh' ? 'zh-CN' : locale,
    updated: articles[0] ? new Date(articles[0].publishedAt) : new Date(0),
    generator: 'payload-regional-news',
    copyright: `© ${siteName}`,
    feedLinks: {
      rss: `${site.url}${feedUrl(ctx, 'feed.xml', filter)}`,
      atom: `${site.url}${feedUrl(ctx, 'atom.xml', filter)}`,
      json: `${site.url}${feedUrl(ctx, 'feed.json', filter)}`,
    },
    ...(site.logo ? { image: site.logo.url.startsWith('http') ? site.logo.url : `${site.url}${site.logo.url}` } : {}),
  })
  // Atom sends titles as type="html" and readers render RSS descriptions as HTML: text is escaped there.
  const text = format === 'json' ? (value: string) => value : esc
  for (const article of articles) {
    const link = `${site.url}${articleUrl(ctx, article.slug, locale)}`
    feed.addItem({
      title: text(article.title),
      id: link,
      link,
      date: new Date(article.publishedAt),
      published: new Date(article.publishedAt),
      description: text(article.excerpt),
      content: absoluteLinks(article.html, site.url),
      author: [{ name: article.author || siteName }],
      ...(article.category ? { category: [{ name: article.category.name }] } : {}),
    })
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1()
}
