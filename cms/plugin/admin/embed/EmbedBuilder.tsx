'use client'
import React, { useEffect, useId, useMemo, useState } from 'react'
import type { CategoryListResponse } from '../../../../wire/index'
import { adminText } from '../admin-text'
import type { EmbedPreset } from './embed-preset'
import { type EmbedChoice, embedSnippet, FOLLOW_PICKER } from './embed-snippet'
import { fragmentUrl } from './fragment-snippet'
import './embed.css'

const INITIAL: EmbedChoice = { element: 'article-list', category: '', region: '', layout: 'vertical', pageSize: 6, paging: 'pages', sort: '-publishedAt', lang: 'zh-CN', accent: '#c0392b', slug: '' }

/**
 * The form, the snippet and a live preview running the real bundle in a sandboxed frame (scripts only, no origin).
 * Snippets point at the CMS's public site URL (`siteUrl`); only when the host set none, at the admin's own origin.
 */
export const EmbedBuilder = ({ language, api, siteUrl, preset }: { language: string; api: string; siteUrl?: string; preset?: EmbedPreset }) => {
  const text = adminText(language)
  const id = useId().replace(/:/g, '')
  const [choice, setChoice] = useState<EmbedChoice>(() => ({ ...INITIAL, ...preset }))
  const [categories, setCategories] = useState<CategoryListResponse['docs']>([])
  const [origin, setOrigin] = useState(siteUrl ?? '')
  const [copied, setCopied] = useState<'' | 'snippet' | 'include'>('')
  const following = choice.element === 'article-list' && choice.region === FOLLOW_PICKER
  const oneArticle = choice.element === 'article-view' || choice.element === 'article-card'
  useEffect(() => {
    if (!siteUrl) setOrigin(window.location.origin)
    fetch(`${api}/categories?locale=${language === 'en' ? 'en' : 'zh'}`)
      .then((r) => r.json())
      .then((d: CategoryListResponse) => setCategories(d.docs))
      .catch(() => {})
  }, [api, language, siteUrl])
  const snippet = useMemo(() => (origin ? embedSnippet(origin, choice, api) : ''), [origin, choice, api])
  const include = useMemo(() => (origin ? fragmentUrl(origin, api, choice) : ''), [origin, api, choice])
  const copy = (what: 'snippet' | 'include', value: string) =>
    void navigator.clipboard?.writeText(value).then(() => setCopied(what), () => setCopied(''))
  const set = <K extends keyof EmbedChoice>(key: K) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setChoice((c) => ({ ...c, [key]: key === 'pageSize' ? Number(e.target.value) : e.target.value }))
  const field = (key: keyof EmbedChoice, label: string, control: React.ReactElement<{ id?: string }>) => (
    <div className="rn-embed__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {React.cloneElement(control, { id: `${id}-${key}` })}
    </div>
  )
  return (
    <div className="rn-embed">
      <h1>{text.embedTitle}</h1>
      <div className="rn-embed__grid">
        <form className="rn-embed__form" onSubmit={(e) => e.preventDefault()} aria-label={text.embedTitle}>
          {field('element', text.embedElement,
            <select value={choice.element} onChange={set('element')}>
              <option value="article-list">{'<article-list>'}</option>
              <option value="region-picker">{'<region-picker>'}</option>
              <option value="article-view">{'<article-view>'}</option>
              <option value="article-card">{'<article-card>'}</option>
            </select>)}
          {field('category', text.category,
            <select value={choice.category} onChange={set('category')}>
              <option value="">{text.embedAll}</option>
              {categories.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
            </select>)}
          {field('region', text.embedRegion,
            <input value={following ? '' : choice.region} onChange={set('region')} disabled={following} inputMode="numeric" pattern="\d{6}" placeholder="320500" />)}
          {choice.element === 'article-list' && (
            <div className="rn-embed__check">
              <input
                type="checkbox"
                id={`${id}-follow`}
                checked={following}
                onChange={(e) => setChoice((c) => ({ ...c, region: e.target.checked ? FOLLOW_PICKER : '' }))}
              />
              <label htmlFor={`${id}-follow`}>{text.embedFollowPicker}</label>
            </div>
          )}
          {oneArticle && field('slug', text.embedSlug, <input value={choice.slug} onChange={set('slug')} />)}
          {field('layout', text.embedLayout,
            <select value={choice.layout} onChange={set('layout')}>
              <option value="vertical">vertical</option>
              <option value="horizontal">horizontal</option>
              <option value="compact">compact</option>
            </select>)}
          {field('pageSize', text.embedPageSize, <input type="number" min={1} max={50} value={choice.pageSize} onChange={set('pageSize')} />)}
          {field('paging', text.embedPaging,
            <select value={choice.paging} onChange={set('paging')}>
              <option value="pages">{text.embedPagingPages}</option>
              <option value="more">{text.embedPagingMore}</option>
            </select>)}
          {field('sort', text.embedSort,
            <select value={choice.sort} onChange={set('sort')}>
              <option value="-publishedAt">-publishedAt</option>
              <option value="publishedAt">publishedAt</option>
              <option value="-featured">-featured</option>
              <option value="-views">-views</option>
              <option value="title">title</option>
            </select>)}
          {field('lang', text.embedLanguage,
            <select value={choice.lang} onChange={set('lang')}>
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>)}
          {field('accent', text.embedAccent, <input type="color" value={choice.accent} onChange={set('accent')} />)}
        </form>
        <div className="rn-embed__output">
          <label htmlFor={`${id}-snippet`}>{text.embedSnippet}</label>
          <textarea id={`${id}-snippet`} readOnly value={snippet} rows={4} />
          <button type="button" className="btn btn--style-primary btn--size-small" onClick={() => copy('snippet', snippet)}>
            {text.embedCopy}
          </button>
          {choice.element === 'article-card' ? (
            <p className="rn-embed__hint">{text.embedCardNoInclude}</p>
          ) : (
            <>
              <label htmlFor={`${id}-include`}>{text.embedInclude}</label>
              <p id={`${id}-include-hint`} className="rn-embed__hint">{following ? `${text.embedIncludeHint} ${text.embedIncludeNoFollow}` : text.embedIncludeHint}</p>
              <input id={`${id}-include`} readOnly value={include} aria-describedby={`${id}-include-hint`} />
              <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => copy('include', include)}>
                {text.embedCopyInclude}
              </button>
            </>
          )}
          <span role="status">{copied ? `${text.embedCopied}: ${copied === 'snippet' ? text.embedSnippet : text.embedInclude}` : ''}</span>
          {/* No allow-same-origin: the preview's scripts cannot reach the admin's cookies or DOM. */}
          <iframe title={text.embedPreview} sandbox="allow-scripts" className="rn-embed__preview" srcDoc={origin ? `<!doctype html><meta charset="utf-8"><body style="font-family:system-ui;margin:12px">${embedSnippet(origin, choice, api, origin)}</body>` : ''} />
        </div>
      </div>
    </div>
  )
}
