'use client'
import React from 'react'
import type { NewsStatsResponse } from '../../../../wire/news-stats'
import { adminText } from '../admin-text'
import { DaysChart } from './DaysChart'
import './dashboard.css'

interface Row {
  key: string
  label: string
  href: string
  views: number
}

/** A bar per row (decorative: the table beside it carries the figures and the links). */
const Breakdown = ({ title, column, rows, empty, viewsLabel }: { title: string; column: string; rows: Row[]; empty: string; viewsLabel: string }) => {
  const max = Math.max(1, ...rows.map((r) => r.views))
  return (
    <section className="rn-dashboard__card" aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="rn-dashboard__pair">
          <div className="rn-dashboard__bars" aria-hidden="true">
            {rows.map((r) => (
              <div key={r.key} className="rn-dashboard__bar">
                <span className="rn-dashboard__bar-label">{r.label}</span>
                <span className="rn-dashboard__bar-fill" style={{ width: `${(r.views / max) * 100}%` }} />
              </div>
            ))}
          </div>
          <table className="rn-dashboard__table">
            <caption className="rn-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col">{viewsLabel}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <a href={r.href}>{r.label}</a>
                  </th>
                  <td>{r.views}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** Views of the last 30 days (uPlot, loaded only here) with its table, then the top articles, categories, regions. */
export const ViewsPanel = ({ stats, language, adminRoute, articlesSlug }: { stats: NewsStatsResponse; language: string; adminRoute: string; articlesSlug: string }) => {
  const text = adminText(language)
  const list = (field: string, value: string) => `${adminRoute}/collections/${articlesSlug}?where[${field}][equals]=${encodeURIComponent(value)}`
  const total = stats.days.reduce((n, d) => n + d.views, 0)
  return (
    <div className="rn-dashboard__views">
      <section className="rn-dashboard__card" aria-label={text.viewsLast30}>
        <h3>
          {text.viewsLast30} <span className="rn-dashboard__total">({text.total} {total})</span>
        </h3>
        <div className="rn-dashboard__pair">
          <DaysChart days={stats.days} label={text.viewsLast30} />
          <div className="rn-dashboard__scroll" tabIndex={0} role="region" aria-label={`${text.viewsLast30} · ${text.table}`}>
            <table className="rn-dashboard__table" data-testid="days-table">
              <thead>
                <tr>
                  <th scope="col">{text.date}</th>
                  <th scope="col">{text.views}</th>
                </tr>
              </thead>
              <tbody>
                {[...stats.days].reverse().map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{d.date}</th>
                    <td>{d.views}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
      <Breakdown
        title={text.topArticles}
        column={text.article}
        viewsLabel={text.views}
        empty={text.none}
        rows={stats.topArticles.map((a) => ({ key: a.slug, label: a.title, href: list('slug', a.slug), views: a.views }))}
      />
      <Breakdown
        title={text.byCategory}
        column={text.category}
        viewsLabel={text.views}
        empty={text.none}
        rows={stats.categories.map((c) => ({ key: c.slug, label: c.name, href: list('category.slug', c.slug), views: c.views }))}
      />
      <Breakdown
        title={text.byRegion}
        column={text.region}
        viewsLabel={text.views}
        empty={text.none}
        rows={stats.regions.map((r) => ({ key: r.code, label: r.name, href: list('regions.code', r.code), views: r.views }))}
      />
    </div>
  )
}
