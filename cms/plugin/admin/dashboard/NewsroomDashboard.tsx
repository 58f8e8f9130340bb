import type { Payload, PayloadRequest } from 'payload'
import React from 'react'
import { runtimeOf } from '../../runtime'
import { computeNewsStats, lastDays } from '../../stats/news-stats'
import { adminText } from '../admin-text'
import { ViewsPanel } from './ViewsPanel'
import { WorkLists, type WorkItem } from './WorkLists'

type Id = string | number
interface Props {
  payload: Payload
  user?: PayloadRequest['user']
  i18n?: { language: string }
}

/**
 * Above the dashboard, for the users who may edit articles: the last 30 site days of views (chart + tables) and
 * the work beside them (drafts, scheduled publications, recently published). Read on the server at request time.
 */
export const NewsroomDashboard = async ({ payload, user, i18n }: Props) => {
  const { options } = runtimeOf(payload)
  if (!user || !options.canEdit(user)) return null
  const language = i18n?.language === 'en' ? 'en' : 'zh'
  const text = adminText(language)
  const { slugs } = options
  const admin = payload.config.routes.admin
  const articleUrl = (id: Id) => `${admin}/collections/${slugs.articles}/${id}`
  const select = { title: true, slug: true, publishedAt: true, updatedAt: true } as never

  const [stats, drafts, recent, jobs] = await Promise.all([
    computeNewsStats(payload, options, lastDays(30, options.views.timeZone), language),
    payload.find({ collection: slugs.articles as never, where: { _status: { equals: 'draft' } }, draft: true, sort: '-updatedAt', limit: 5, depth: 0, locale: language, user, overrideAccess: false, select }),
    payload.find({ collection: slugs.articles as never, where: { _status: { equals: 'published' } }, sort: '-publishedAt', limit: 5, depth: 0, locale: language, user, overrideAccess: false, select }),
    payload.find({
      collection: 'payload-jobs' as never,
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] },
      sort: 'waitUntil',
      limit: 20,
      depth: 0,
      overrideAccess: true,
    }).catch(() => ({ docs: [] })),
  ])

  type Doc = { id: Id; title?: string; slug?: string; publishedAt?: string; updatedAt?: string }
  const item = (d: Doc, when?: string): WorkItem => ({ href: articleUrl(d.id), title: d.title || d.slug || `#${d.id}`, when })
  // Scheduled publications of articles: the job names the document; its title comes from the article.
  type Job = { waitUntil?: string; input?: { doc?: { relationTo?: string; value?: Id }; type?: string } }
  const pending = (jobs.docs as unknown as Job[]).filter((j) => j.input?.doc?.relationTo === slugs.articles && j.input?.type !== 'unpublish' && j.input.doc.value != null)
  const scheduledDocs = pending.length
    ? ((await payload.find({ collection: slugs.articles as never, where: { id: { in: pending.map((j) => j.input!.doc!.value!) } }, draft: true, pagination: false, depth: 0, locale: language, user, overrideAccess: false, select })).docs as unknown as Doc[])
    : []
  const byId = new Map(scheduledDocs.map((d) => [String(d.id), d]))
  const scheduled = pending.flatMap((j) => {
    const d = byId.get(String(j.input!.doc!.value))
    return d ? [item(d, j.waitUntil)] : []
  })

  return (
    <section className="rn-dashboard" aria-labelledby="rn-dashboard-title">
      <h2 id="rn-dashboard-title">{text.dashboardTitle}</h2>
      <div className="rn-dashboard__grid">
        <ViewsPanel stats={stats} language={language} adminRoute={admin} articlesSlug={slugs.articles} />
        <WorkLists
          timeZone={options.views.timeZone}
          language={language}
          lists={[
            { title: text.drafts, items: (drafts.docs as unknown as Doc[]).map((d) => item(d, d.updatedAt)) },
            { title: text.scheduled, items: scheduled },
            { title: text.recent, items: (recent.docs as unknown as Doc[]).map((d) => item(d, d.publishedAt)) },
          ]}
        />
      </div>
    </section>
  )
}
