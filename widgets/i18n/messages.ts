import type { ContentLocale } from '../../wire/index.js'

/** UI languages; each maps 1:1 onto the content locale sent to the CMS. */
export type UiLang = ContentLocale

const zh = {
  choose: '选择城市',
  chooseProvince: '选择省份',
  search: '搜索：汉字、拼音或首字母',
  cities: '城市列表',
  provinces: '省份列表',
  hot: '热门城市',
  recent: '最近选择',
  nearest: '离你最近',
  noMatch: '没有匹配的城市',
  letters: '按字母跳转',
  close: '关闭',
  required: '请选择城市',
  loading: '加载中…',
  retry: '重试',
  network: '网络连接失败',
  timeout: '请求超时',
  http: '服务暂时不可用',
  notFound: '内容不存在或已下线',
  parse: '数据格式有误',
  all: '全部',
  categories: '新闻分类',
  empty: '暂无文章',
  prevPage: '上一页',
  nextPage: '下一页',
  pages: '分页',
  more: '加载更多',
  views: '阅读',
  prev: '上一篇',
  next: '下一篇',
  none: '没有了',
}

export type Messages = typeof zh

const en: Messages = {
  choose: 'Choose a city',
  chooseProvince: 'Choose a province',
  search: 'Search: name, pinyin or initials',
  cities: 'Cities',
  provinces: 'Provinces',
  hot: 'Popular cities',
  recent: 'Recent',
  nearest: 'Near you',
  noMatch: 'No matching city',
  letters: 'Jump to letter',
  close: 'Close',
  required: 'Please choose a city',
  loading: 'Loading…',
  retry: 'Retry',
  network: 'Network error',
  timeout: 'The request timed out',
  http: 'Service unavailable',
  notFound: 'Not found',
  parse: 'Unexpected data',
  all: 'All',
  categories: 'News categories',
  empty: 'No articles yet',
  prevPage: 'Previous',
  nextPage: 'Next',
  pages: 'Pages',
  more: 'Load more',
  views: 'Views',
  prev: 'Previous',
  next: 'Next',
  none: 'None',
}

export const messages: Record<UiLang, Messages> = { zh, en }
