/**
 * Rules for a server-rendered article body, which is light DOM slotted into `<article-view>` (a shadow root's
 * rules reach only the slotted element itself, not what is inside it): the shadow body's rules, scoped to the
 * element and with zero specificity so the page can override them. Sent once per page by the server renderer.
 */
export const lightBodyStyles =
  ':where(article-view>.news-body) :where(img,video,iframe){max-width:100%;height:auto}' +
  ':where(article-view>.news-body) figure{margin:1.5em 0;text-align:center}' +
  ':where(article-view>.news-body) figcaption{color:var(--news-muted,#646a73);font-size:.875em}' +
  ':where(article-view>.news-body) blockquote{margin:1.25em 0;padding:.5em 1em;border-inline-start:4px solid var(--news-accent,#c0392b);background:var(--news-surface,#f5f6f7)}' +
  ':where(article-view>.news-body) a{color:var(--news-accent,#c0392b)}' +
  ':where(article-view>.news-body) table{display:block;overflow-x:auto}'
