import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpCreate, httpLogin, httpRest, httpUpload, type HttpReply } from '../support/http-rest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { inPool } from '../support/raw-http'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/**
 * Who may read and write what, over real HTTP against the production server: anonymous, editor and admin ×
 * every collection × list, by id, drafts, versions, depth 0–3, count, create, update, delete, plus the public
 * endpoints and the files of media used only by drafts. Every response is also scanned for values its reader
 * must never see.
 */

type Role = 'anonymous' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'editor', 'admin']
type Id = number | string

const ADMIN = { email: 'matrix-admin@example.com', password: 'Matrix-admin-pass-1' }
const EDITOR = { email: 'matrix-editor@example.com', password: 'Matrix-editor-pass-1' }

/** Strings planted in documents some readers must never see. */
const MARK = {
  draftArticle: 'SECRET-DRAFT-ARTICLE',
  newerDraft: 'SECRET-NEWER-DRAFT',
  draftMedia: 'SECRET-DRAFT-MEDIA',
  inactiveRegion: 'SECRET-INACTIVE-REGION',
  adminPreference: 'SECRET-ADMIN-PREFERENCE',
}

let server: RunningServer
let database: TestDatabase
const tokens: Partial<Record<Role, string>> = {}
const ids: Record<string, Id> = {}
let draftFile = ''
let publicFile = ''
/** File names of the generated image sizes. */
let draftSizes: string[] = []
let publicSizes: string[] = []
const sizeFiles = (doc: { sizes?: Record<string, { filename?: string | null }> }) =>
  Object.values(doc.sizes ?? {}).flatMap((size) => (size.filename ? [size.filename] : []))
let cases = 0
const leaks: string[] = []

/** Values each role must not find in any response. */
const forbiddenFor = (role: Role): string[] => {
  // Password material never leaves the server. (Session ids and expiries are listed for the account's owner and
  // admins by Payload; they are useless without the signing secret.)
  const always = ['"hash"', '"salt"', 'resetPasswordToken']
  if (role === 'admin') return always
  const editor = [...always, MARK.inactiveRegion, MARK.adminPreference, ADMIN.email]
  if (role === 'editor') return editor
  return [...editor, MARK.draftArticle, MARK.newerDraft, MARK.draftMedia, draftFile.replace(/\.png$/, ''), EDITOR.email]
}

/** One request as `role`; the body is checked against what the role must not see. */
const as = async (role: Role, method: string, path: string, body?: unknown): Promise<HttpReply> => {
  cases++
  const reply = await httpRest(server.url, method, path, { token: tokens[role], body })
  for (const secret of forbiddenFor(role)) {
    if (reply.text.includes(secret)) leaks.push(`${role} ${method} ${path}: response contains ${secret}`)
  }
  return reply
}

const denied = (status: number) => status >= 401 && status < 500 && status !== 429

beforeAll(async () => {
  database = await createTestDatabase('sqlite')
  server = await startProductionServer({
    DATABASE_URL: `file:${database.dir}/matrix.db`,
    PAYLOAD_SECRET: 'access-matrix-secret-0123456789abcdef01',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REGIONAL_NEWS_ROOT: database.dir,
  })
  const admin = (tokens.admin = await httpLogin(server.url, ADMIN.email, ADMIN.password))
  ids.editor = (await httpCreate(server.url, admin, 'users', { email: EDITOR.email, password: EDITOR.password, roles: ['editor'] })).id
  tokens.editor = await httpLogin(server.url, EDITOR.email, EDITOR.password)
  ids.adminUser = (await httpRest(server.url, 'GET', '/api/users/me', { token: admin })).json.user.id

  ids.category = (await httpCreate(server.url, admin, 'categories', { name: '矩阵', slug: 'matrix' })).id
  ids.province = (await httpCreate(server.url, admin, 'regions', { name: '矩阵省', code: '980000', level: 'province' })).id
  ids.inactive = (await httpCreate(server.url, admin, 'regions', { name: MARK.inactiveRegion, code: '990000', level: 'province', active: false })).id
  const publicImage = await httpUpload(server.url, admin, 'matrix-public.png', 'public cover')
  const draftImage = await httpUpload(server.url, admin, 'matrix-draft-only.png', MARK.draftMedia, '#d53a3a')
  Object.assign(ids, { publicImage: publicImage.id, draftImage: draftImage.id })
  publicFile = publicImage.filename
  draftFile = draftImage.filename
  publicSizes = sizeFiles(publicImage)
  draftSizes = sizeFiles(draftImage)
  ids.published = (
    await httpCreate(server.url, admin, 'articles', {
      title: 'matrix published', slug: 'matrix-published', category: ids.category, regions: [ids.province, ids.inactive], cover: ids.publicImage, _status: 'published',
    })
  ).id
  // A newer draft on the published article: readers of the published version must not see it.
  const newer = await httpRest(server.url, 'PATCH', `/api/articles/${ids.published}?draft=true`, { token: admin, body: { title: MARK.newerDraft, cover: ids.draftImage } })
  expect(newer.status).toBe(200)
  ids.draft = (
    await httpCreate(server.url, admin, 'articles', { title: MARK.draftArticle, slug: 'secret-draft-article', category: ids.category, cover: ids.draftImage, _status: 'draft' }, '?draft=true')
  ).id
  const versions = await httpRest(server.url, 'GET', `/api/articles/versions?where[parent][equals]=${ids.draft}&limit=1`, { token: admin })
  ids.draftVersion = versions.json.docs[0].id
  const views = await httpRest(server.url, 'GET', `/api/article-views?where[article][equals]=${ids.published}`, { token: admin })
  ids.publishedViews = views.json.docs[0].id
  const draftViews = await httpRest(server.url, 'GET', `/api/article-views?where[article][equals]=${ids.draft}`, { token: admin })
  ids.draftViews = draftViews.json.docs[0]?.id ?? -1
  const preference = await httpRest(server.url, 'POST', '/api/payload-preferences/matrix-secret', { token: admin, body: { value: { note: MARK.adminPreference } } })
  expect(preference.status).toBe(200)
  ids.adminPreference = preference.json.doc.id
  // A view receipt exists once someone reads the published article.
  const view = await httpRest(server.url, 'POST', '/api/news/articles/matrix-published/views', { body: { visitor: 'matrix-visitor-1' } })
  expect(view.status).toBe(200)
})

afterAll(async () => {
  console.log(`access matrix over HTTP: ${cases} cases tried, ${leaks.length} leaks`)
  await server?.stop()
  await database?.drop()
})

interface Spec {
  /** List status per role (200 may still be filtered). */
  list: Record<Role, number>
  /** A document some roles must not read, and who may. */
  hidden?: { id: () => Id; readers: Role[] }
  /** A document every role that may list can read. */
  visible?: () => Id
  versions?: boolean
  create?: { body: (n: number) => unknown; allowed: Role[] }
  /** Refused roles try `target` (a fixture, which must stay unchanged); allowed ones update a throwaway document. */
  update?: { target: () => Id; body: unknown; allowed: Role[]; throwaway?: (n: number) => unknown }
  /** Roles that may delete (tried on a throwaway document, or on the fixture when refused). */
  remove?: { allowed: Role[]; target: () => Id; throwaway?: (n: number) => unknown }
}

let n = 0
const SPECS: Record<string, Spec> = {
  articles: {
    list: { anonymous: 200, editor: 200, admin: 200 },
    hidden: { id: () => ids.draft, readers: ['editor', 'admin'] },
    visible: () => ids.published,
    versions: true,
    create: { body: (i) => ({ title: `matrix new ${i}`, category: ids.category, _status: 'published' }), allowed: ['editor', 'admin'] },
    update: { target: () => ids.published, body: { title: 'HACKED' }, allowed: ['editor', 'admin'], throwaway: (i) => ({ title: `matrix edit ${i}`, category: ids.category }) },
    remove: { allowed: ['editor', 'admin'], target: () => ids.published, throwaway: (i) => ({ title: `matrix gone ${i}`, category: ids.category }) },
  },
  categories: {
    list: { anonymous: 200, editor: 200, admin: 200 },
    visible: () => ids.category,
    create: { body: (i) => ({ name: `分类 ${i}`, slug: `matrix-new-${i}` }), allowed: ['admin'] },
    update: { target: () => ids.category, body: { name: 'HACKED' }, allowed: ['admin'], throwaway: (i) => ({ name: `改 ${i}`, slug: `matrix-edit-${i}` }) },
    remove: { allowed: ['admin'], target: () => ids.category, throwaway: (i) => ({ name: `删 ${i}`, slug: `matrix-gone-${i}` }) },
  },
  regions: {
    list: { anonymous: 200, editor: 200, admin: 200 },
    hidden: { id: () => ids.inactive, readers: ['admin'] },
    visible: () => ids.province,
    create: { body: (i) => ({ name: `地区 ${i}`, code: String(970000 + i), level: 'province' }), allowed: ['admin'] },
    update: { target: () => ids.province, body: { name: 'HACKED' }, allowed: ['admin'], throwaway: (i) => ({ name: `改 ${i}`, code: String(950000 + i), level: 'province' }) },
    remove: { allowed: ['admin'], target: () => ids.province, throwaway: (i) => ({ name: `删 ${i}`, code: String(960000 + i), level: 'province' }) },
  },
  media: {
    list: { anonymous: 200, editor: 200, admin: 200 },
    hidden: { id: () => ids.draftImage, readers: ['editor', 'admin'] },
    visible: () => ids.publicImage,
    update: { target: () => ids.publicImage, body: { alt: 'HACKED' }, allowed: ['editor', 'admin'], throwaway: () => 'upload' },
    remove: { allowed: ['editor', 'admin'], target: () => ids.publicImage },
  },
  'article-views': {
    list: { anonymous: 200, editor: 200, admin: 200 },
    // The counter of an unpublished draft would reveal that the draft exists.
    hidden: { id: () => ids.draftViews, readers: ['editor', 'admin'] },
    visible: () => ids.publishedViews,
    create: { body: () => ({ article: ids.published, views: 1_000_000 }), allowed: [] },
    update: { target: () => ids.publishedViews, body: { views: 1_000_000 }, allowed: [] },
    remove: { allowed: ['admin'], target: () => ids.publishedViews },
  },
  'view-receipts': {
    list: { anonymous: 403, editor: 403, admin: 403 },
    hidden: { id: () => 1, readers: [] },
    create: { body: (i) => ({ key: `forged-${i}`, expiresAt: new Date().toISOString() }), allowed: [] },
    update: { target: () => 1, body: { key: 'HACKED' }, allowed: [] },
    remove: { allowed: [], target: () => 1 },
  },
  users: {
    list: { anonymous: 403, editor: 200, admin: 200 },
    hidden: { id: () => ids.adminUser, readers: ['admin'] },
    create: { body: (i) => ({ email: `matrix-new-${i}@example.com`, password: 'Matrix-new-pass-1', roles: ['admin'] }), allowed: ['admin'] },
    update: { target: () => ids.adminUser, body: { name: 'HACKED' }, allowed: ['admin'], throwaway: (i) => ({ email: `matrix-edit-${i}@example.com`, password: 'Matrix-edit-pass-1', roles: ['editor'] }) },
    remove: { allowed: ['admin'], target: () => ids.adminUser, throwaway: (i) => ({ email: `matrix-gone-${i}@example.com`, password: 'Matrix-gone-pass-1', roles: ['editor'] }) },
  },
  // GET and DELETE /:id are /:key here (the caller's own preference by key); see the special cases.
  'payload-preferences': {
    list: { anonymous: 403, editor: 200, admin: 200 },
    update: { target: () => ids.adminPreference, body: { value: { note: 'HACKED' } }, allowed: ['admin'], throwaway: () => 'preference' },
  },
  'payload-jobs': {
    list: { anonymous: 403, editor: 403, admin: 403 },
    create: { body: () => ({ taskSlug: 'schedulePublish', input: {} }), allowed: [] },
  },
  'payload-locked-documents': {
    list: { anonymous: 403, editor: 200, admin: 200 },
  },
  'payload-kv': {
    list: { anonymous: 403, editor: 403, admin: 403 },
    create: { body: (i) => ({ key: `forged-${i}`, data: {} }), allowed: [] },
  },
}

/** A document made by the admin for one write case, so allowed writes never touch the fixtures. */
const throwawayDoc = async (collection: string, body: unknown): Promise<Id> => {
  if (body === 'upload') return (await httpUpload(server.url, tokens.admin!, `matrix-throwaway-${++n}.png`, 'throwaway')).id
  if (body === 'preference') {
    const reply = await httpRest(server.url, 'POST', `/api/payload-preferences/matrix-throwaway-${++n}`, { token: tokens.admin, body: { value: { n } } })
    return reply.json.doc.id
  }
  return (await httpCreate(server.url, tokens.admin!, collection, body)).id
}

/** What the admin sees of a document (the witness for "unchanged" and "still there"); undefined when unreadable. */
const adminView = async (collection: string, id: Id) => {
  const reply = await httpRest(server.url, 'GET', `/api/${collection}/${id}?depth=0&draft=true`, { token: tokens.admin })
  return reply.status === 200 ? reply.text : undefined
}

describe('access matrix over HTTP', () => {
  for (const [collection, spec] of Object.entries(SPECS)) {
    describe(collection, () => {
      for (const role of ROLES) {
        it(`${role}: list, count, drafts and depth 0–3`, async () => {
          const variants = ['', '?draft=true', '?depth=0', '?depth=1', '?depth=2', '?depth=3', '?draft=true&depth=3', '?limit=100&depth=2']
          await inPool(variants, 4, async (query) => {
            const reply = await as(role, 'GET', `/api/${collection}${query}`)
            expect(reply.status, `${role} GET /api/${collection}${query}: ${reply.text.slice(0, 200)}`).toBe(spec.list[role])
            if (reply.status === 200 && spec.hidden && !spec.hidden.readers.includes(role)) {
              expect(reply.json.docs.map((d: { id: Id }) => d.id)).not.toContain(spec.hidden.id())
            }
          })
          // /count and /versions are preference keys under payload-preferences.
          if (collection === 'payload-preferences') return
          const count = await as(role, 'GET', `/api/${collection}/count`)
          expect(spec.list[role] === 200 ? count.status === 200 : denied(count.status), `${role} count ${collection}: ${count.status} ${count.text}`).toBe(true)
        })

        if (spec.hidden || spec.visible) {
          it(`${role}: by id, with drafts and depth 0–3`, async () => {
            const paths: [string, boolean][] = []
            for (const query of ['', '?draft=true', '?depth=1', '?depth=2', '?depth=3', '?draft=true&depth=3']) {
              if (spec.visible) paths.push([`/api/${collection}/${spec.visible()}${query}`, spec.list[role] === 200])
              if (spec.hidden) paths.push([`/api/${collection}/${spec.hidden.id()}${query}`, spec.hidden.readers.includes(role)])
            }
            await inPool(paths, 4, async ([path, readable]) => {
              const reply = await as(role, 'GET', path)
              if (readable) expect(reply.status, `${role} GET ${path}`).toBe(200)
              else expect(denied(reply.status), `${role} GET ${path}: ${reply.status}`).toBe(true)
            })
          })
        }

        if (collection !== 'payload-preferences') it(`${role}: versions`, async () => {
          const list = await as(role, 'GET', `/api/${collection}/versions`)
          if (!spec.versions) return expect(denied(list.status), `versions: ${list.status}`).toBe(true)
          const mayRead = role !== 'anonymous'
          expect(mayRead ? list.status === 200 : denied(list.status), `${role} versions: ${list.status}`).toBe(true)
          const one = await as(role, 'GET', `/api/${collection}/versions/${ids.draftVersion}?depth=2`)
          expect(mayRead ? one.status === 200 : denied(one.status), `${role} version by id: ${one.status}`).toBe(true)
          const filtered = await as(role, 'GET', `/api/${collection}/versions?where[parent][equals]=${ids.draft}&depth=3`)
          expect(mayRead ? filtered.status === 200 : denied(filtered.status)).toBe(true)
        })

        if (spec.create) {
          it(`${role}: create ${spec.create.allowed.includes(role) ? 'allowed' : 'refused'}`, async () => {
            const body = spec.create!.body(++n)
            const reply = await as(role, 'POST', `/api/${collection}`, body)
            if (spec.create!.allowed.includes(role)) {
              expect(reply.status, reply.text.slice(0, 200)).toBe(201)
              if (collection === 'users') expect(reply.json.doc.roles).toEqual(['admin'])
            } else expect(denied(reply.status), `${reply.status} ${reply.text.slice(0, 200)}`).toBe(true)
          })
        }

        if (spec.update) {
          it(`${role}: update ${spec.update.allowed.includes(role) ? 'allowed' : 'refused'}`, async () => {
            const { target, body, allowed, throwaway } = spec.update!
            if (allowed.includes(role)) {
              const id = await throwawayDoc(collection, throwaway!(++n))
              const reply = await as(role, 'PATCH', `/api/${collection}/${id}`, body)
              expect(reply.status, reply.text.slice(0, 200)).toBe(200)
              if (collection !== 'payload-preferences') await httpRest(server.url, 'DELETE', `/api/${collection}/${id}`, { token: tokens.admin })
              return
            }
            const before = await adminView(collection, target())
            const reply = await as(role, 'PATCH', `/api/${collection}/${target()}`, body)
            expect(denied(reply.status), `${reply.status} ${reply.text.slice(0, 200)}`).toBe(true)
            expect(await adminView(collection, target())).toBe(before)
          })
        }

        if (spec.remove) {
          it(`${role}: delete ${spec.remove.allowed.includes(role) ? 'allowed' : 'refused'}`, async () => {
            const { allowed, target, throwaway } = spec.remove!
            if (allowed.includes(role)) {
              if (!throwaway) return
              const doc = await httpCreate(server.url, tokens.admin!, collection, throwaway(++n))
              const reply = await as(role, 'DELETE', `/api/${collection}/${doc.id}`)
              expect(reply.status, reply.text.slice(0, 200)).toBe(200)
              expect(await adminView(collection, doc.id)).toBeUndefined()
              return
            }
            const before = await adminView(collection, target())
            const reply = await as(role, 'DELETE', `/api/${collection}/${target()}`)
            expect(denied(reply.status), `${reply.status} ${reply.text.slice(0, 200)}`).toBe(true)
            expect(await adminView(collection, target())).toBe(before)
            // Bulk delete with a matching where is refused (or matches nothing) too.
            const bulk = await as(role, 'DELETE', `/api/${collection}?where[id][equals]=${target()}`)
            expect(bulk.status === 200 ? bulk.json.docs.length === 0 : denied(bulk.status), `bulk: ${bulk.status} ${bulk.text.slice(0, 200)}`).toBe(true)
            expect(await adminView(collection, target())).toBe(before)
          })
        }
      }
    })
  }

  describe('special cases', () => {
    it('anonymous readers get published articles only, with published values', async () => {
      for (const query of ['', '?draft=true', '?draft=true&where[_status][equals]=draft', '?where[title][like]=SECRET', '?draft=true&where[title][like]=SECRET', '?limit=100&depth=3&draft=true']) {
        const reply = await as('anonymous', 'GET', `/api/articles${query}`)
        expect(reply.status).toBe(200)
        expect(reply.json.docs.every((d: { _status: string }) => d._status === 'published')).toBe(true)
        expect(reply.json.docs.map((d: { id: Id }) => d.id)).not.toContain(ids.draft)
      }
      const published = await as('anonymous', 'GET', `/api/articles/${ids.published}?draft=true&depth=2`)
      expect(published.json.title).toBe('matrix published')
      expect(published.json.cover.filename).toBe(publicFile)
      // The inactive region stays an id: it is not populated for readers who may not see it.
      expect(published.json.regions.some((r: unknown) => typeof r === 'object' && (r as { code?: string }).code === '990000')).toBe(false)
    })

    it('files of media used only by drafts are refused to anonymous readers, in every size', async () => {
      const draftFiles = [draftFile, ...draftSizes]
      const publicFiles = [publicFile, ...publicSizes]
      expect(draftFiles.length).toBeGreaterThan(1)
      for (const role of ROLES) {
        for (const file of draftFiles) {
          const draft = await as(role, 'GET', `/api/media/file/${file}`)
          if (role === 'anonymous') expect(denied(draft.status), `anonymous ${file}: ${draft.status}`).toBe(true)
          else expect(draft.status, `${role} ${file}`).toBe(200)
        }
        for (const file of publicFiles) expect((await as(role, 'GET', `/api/media/file/${file}`)).status, `${role} ${file}`).toBe(200)
      }
    })

    it('uploads: editors and admins may, anonymous may not', async () => {
      for (const role of ROLES) {
        cases++
        if (role === 'anonymous') {
          const form = new FormData()
          form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'anon.png')
          form.append('_payload', JSON.stringify({ alt: 'anon' }))
          const reply = await httpRest(server.url, 'POST', '/api/media', { body: form })
          expect(denied(reply.status), `anonymous upload: ${reply.status}`).toBe(true)
        } else {
          const doc = await httpUpload(server.url, tokens[role]!, `matrix-${role}.png`, role)
          expect(doc.id).toBeTruthy()
        }
      }
    })

    it("preferences are per user: nobody reads or deletes another's", async () => {
      for (const role of ['anonymous', 'editor'] as const) {
        const read = await as(role, 'GET', '/api/payload-preferences/matrix-secret')
        expect(read.status === 200 ? read.json.value === null : denied(read.status), `${role}: ${read.status}`).toBe(true)
        await as(role, 'DELETE', '/api/payload-preferences/matrix-secret')
      }
      const own = await as('admin', 'GET', '/api/payload-preferences/matrix-secret')
      expect(own.json.value).toEqual({ note: MARK.adminPreference })
    })

    it('editors manage their own account only and cannot grant roles', async () => {
      const self = await as('editor', 'PATCH', `/api/users/${ids.editor}`, { roles: ['admin'], name: 'editor self' })
      expect([200, 403]).toContain(self.status)
      const after = await httpRest(server.url, 'GET', `/api/users/${ids.editor}`, { token: tokens.admin })
      expect(after.json.roles).toEqual(['editor'])
      const list = await as('editor', 'GET', '/api/users?depth=3')
      expect(list.json.docs.map((d: { id: Id }) => d.id)).toEqual([ids.editor])
      expect(denied((await as('editor', 'POST', '/api/users/unlock', { email: ADMIN.email })).status)).toBe(true)
      expect((await as('anonymous', 'GET', '/api/users/me')).json.user).toBeNull()
      const lock = await as('anonymous', 'POST', '/api/users/unlock', { email: ADMIN.email })
      expect(denied(lock.status)).toBe(true)
    })

    it('nobody sets view counts or the media publication flag through the API', async () => {
      for (const role of ROLES) {
        const media = await as(role, 'PATCH', `/api/media/${ids.draftImage}`, { usedByPublished: true })
        expect(media.status).toBeLessThan(500)
        const article = await as(role, 'PATCH', `/api/articles/${ids.published}?draft=true`, { views: 1_000_000 })
        expect(article.status).toBeLessThan(500)
      }
      const media = await httpRest(server.url, 'GET', `/api/media/${ids.draftImage}`, { token: tokens.admin })
      expect(media.json.usedByPublished).toBe(false)
      const views = await httpRest(server.url, 'GET', `/api/article-views/${ids.publishedViews}`, { token: tokens.admin })
      expect(views.json.views).toBeLessThan(1_000_000)
    })

    it('the public endpoints show published content only, whoever asks', async () => {
      for (const role of ROLES) {
        const list = await as(role, 'GET', '/api/news/articles?limit=50&category=matrix')
        expect(list.status, list.text).toBe(200)
        expect(list.text).not.toContain(MARK.draftArticle)
        expect(list.text).not.toContain(MARK.newerDraft)
        expect(list.text).not.toContain(draftFile.replace(/\.png$/, ''))
        const detail = await as(role, 'GET', '/api/news/articles/matrix-published')
        expect(detail.status, detail.text).toBe(200)
        expect(detail.json.title).toBe('matrix published')
        expect(detail.text).not.toContain(MARK.newerDraft)
        expect((await as(role, 'GET', '/api/news/articles/secret-draft-article')).status).toBe(404)
        const views = await as(role, 'POST', '/api/news/articles/secret-draft-article/views', { visitor: 'matrix-visitor-2' })
        expect(views.status).toBe(404)
        const regions = await as(role, 'GET', '/api/news/regions')
        expect(regions.text).not.toContain(MARK.inactiveRegion)
        expect((await as(role, 'GET', '/api/news/categories')).status).toBe(200)
      }
    })

    it('leaks nothing anywhere', () => {
      expect(leaks).toEqual([])
    })
  })
})
