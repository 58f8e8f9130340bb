import type { Access, CollectionConfig } from 'payload'
import type { ResolvedOptions } from '../options'

/**
 * Every access rule of the plugin, in one place. The public endpoints query with
 * `overrideAccess: false` and no user, so they obey exactly these rules too.
 */
export const buildAccess = (options: ResolvedOptions) => {
  const editor: Access = ({ req }) => options.canEdit(req.user)
  const administrator: Access = ({ req }) => options.canAdminister(req.user)
  const nobody: Access = () => false

  const articles: CollectionConfig['access'] = {
    // Anonymous readers get published documents only; drafts, versions and ?draft=true stay closed.
    read: ({ req }) => options.canEdit(req.user) || { _status: { equals: 'published' } },
    readVersions: editor,
    create: editor,
    update: editor,
    delete: editor,
    unlock: editor,
  }

  const media: CollectionConfig['access'] = {
    // Files become public only once a published article uses them (kept in `usedByPublished`).
    read: ({ req }) => options.canEdit(req.user) || { usedByPublished: { equals: true } },
    create: editor,
    update: editor,
    delete: editor,
    unlock: editor,
  }

  const categories: CollectionConfig['access'] = {
    read: () => true,
    create: administrator,
    update: administrator,
    delete: administrator,
    unlock: administrator,
  }

  const regions: CollectionConfig['access'] = {
    read: ({ req }) => options.canAdminister(req.user) || { active: { equals: true } },
    create: administrator,
    update: administrator,
    delete: administrator,
    unlock: administrator,
  }

  // Counts of published articles are public figures (a draft's counter would reveal that the draft exists); they
  // change only through the view endpoint (Local API, overrideAccess).
  const articleViews: CollectionConfig['access'] = {
    read: ({ req }) => options.canEdit(req.user) || { 'article._status': { equals: 'published' } },
    create: nobody,
    update: nobody,
    delete: administrator,
    unlock: nobody,
  }

  // Daily figures are the newsroom's: editors read them (the stats endpoint, the dashboard); only views write them.
  const articleViewDays: CollectionConfig['access'] = {
    read: editor,
    create: nobody,
    update: nobody,
    delete: administrator,
    unlock: nobody,
  }

  const viewReceipts: CollectionConfig['access'] = {
    read: nobody,
    create: nobody,
    update: nobody,
    delete: nobody,
    unlock: nobody,
  }

  // The list's region index: written by the articles' hooks, read by the SQL read path only.
  const articleListEntries: CollectionConfig['access'] = viewReceipts

  return { articles, media, categories, regions, articleViews, articleViewDays, viewReceipts, articleListEntries }
}

export type PluginAccess = ReturnType<typeof buildAccess>
