import React from 'react'
import { adminText } from '../admin-text'

export interface WorkItem {
  href: string
  title: string
  /** ISO date shown beside the title. */
  when?: string
}

/** Drafts waiting, scheduled publications, recently published: short linked lists (server-rendered). */
export const WorkLists = ({ lists, language, timeZone }: { lists: { title: string; items: WorkItem[] }[]; language: string; timeZone: string }) => {
  const text = adminText(language)
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'short', timeZone })
  return (
    <div className="rn-dashboard__work">
      {lists.map((list) => (
        <section key={list.title} className="rn-dashboard__card" aria-label={list.title}>
          <h3>{list.title}</h3>
          {list.items.length ? (
            <ul>
              {list.items.map((i) => (
                <li key={i.href + (i.when ?? '')}>
                  <a href={i.href}>{i.title}</a>
                  {i.when && <time dateTime={i.when}>{format.format(new Date(i.when))}</time>}
                </li>
              ))}
            </ul>
          ) : (
            <p>{text.none}</p>
          )}
        </section>
      ))}
    </div>
  )
}
