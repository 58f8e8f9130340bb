/** GET /api/news-stats?from=YYYY-MM-DD&to=YYYY-MM-DD (editors and admins): views per site day and their breakdowns. */
export interface NewsStatsResponse {
  from: string
  to: string
  /** Every day of the range, in order, zeros included. */
  days: { date: string; views: number }[]
  /** Most viewed articles of the range (at most 10), most first. */
  topArticles: { slug: string; title: string; views: number }[]
  /** Views by the articles' category, most first. */
  categories: { slug: string; name: string; views: number }[]
  /** Views by the region the reader chose (only views whose page sent one), most first. */
  regions: { code: string; name: string; views: number }[]
}
