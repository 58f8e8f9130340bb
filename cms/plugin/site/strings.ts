/** Page chrome in the site's locales (content comes translated from the CMS). */
const STRINGS = {
  zh: { all: '全部', home: '首页', news: '新闻中心', prev: '上一篇', next: '下一篇', none: '没有了', newer: '上一页', older: '下一页', page: (n: number) => `第 ${n} 页`, views: (n: number) => `阅读:${n}`, author: '作者', notFound: '页面不存在', notFoundText: '您访问的文章不存在或已下线。', back: '返回新闻列表', empty: '暂无文章', categories: '分类', pagination: '分页', city: '城市', language: 'English', feeds: '订阅' },
  en: { all: 'All', home: 'Home', news: 'News', prev: 'Previous', next: 'Next', none: 'None', newer: 'Newer', older: 'Older', page: (n: number) => `page ${n}`, views: (n: number) => `${n} views`, author: 'Author', notFound: 'Page not found', notFoundText: 'The article does not exist or is no longer published.', back: 'Back to the news', empty: 'No articles yet', categories: 'Categories', pagination: 'Pagination', city: 'City', language: '中文', feeds: 'Subscribe' },
}

export type SiteStrings = (typeof STRINGS)['zh']

export const stringsFor = (locale: string): SiteStrings => (locale === 'en' ? STRINGS.en : STRINGS.zh)

/** The `lang` of a content locale. */
export const htmlLang = (locale: string) => (locale === 'zh' ? 'zh-CN' : locale)
