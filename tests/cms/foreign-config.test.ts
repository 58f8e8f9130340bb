import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFromUrl, guardConnectionPool } from '../../cms/database'
import { regionalNews } from '../../cms/plugin'
import type { BootedPayload } from '../support/boot-payload'
import { rest } from '../support/rest-client'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

// A host app that is not ours: its own auth collection without roles, its own slugs and an extra field.
let database: TestDatabase
let payload: Payload
let host: BootedPayload

beforeAll(async () => {
  database = await createTestDatabase()
  const config = await buildConfig({
    secret: 'foreign-host-secret-0123456789abcdef',
    db: await databaseFromUrl(database.url, database.dir),
    editor: lexicalEditor(),
    collections: [{ slug: 'members', auth: true, fields: [{ name: 'nickname', type: 'text' }] }],
    admin: { user: 'members' },
    plugins: [
      regionalNews({
        slugs: { articles: 'posts', categories: 'sections' },
        locales: ['en', 'zh'],
        overrides: {
          articles: {
            fields: ({ defaultFields }) => [...defaultFields, { name: 'subtitle', type: 'text' }],
            admin: { description: 'Host-specific posts' },
          },
          media: { upload: { staticDir: `${database.dir}/uploads` } as never },
        },
      }),
    ],
  })
  payload = await getPayload({ config, key: database.url })
  // Dropping the test database ends pooled connections; a host app without this guard would see that as a crash.
  guardConnectionPool(payload)
  host = { payload, database, close: async () => undefined }
})

afterAll(async () => {
  await payload?.destroy()
  await database?.drop()
})

describe('the plugin in a foreign config', () => {
  it('adds its collections under the host slugs with the override applied', () => {
    const slugs = payload.config.collections.map((c) => c.slug)
    expect(slugs).toEqual(expect.arrayContaining(['members', 'posts', 'sections', 'regions', 'media', 'article-views']))
    const posts = payload.config.collections.find((c) => c.slug === 'posts')!
    expect(posts.fields.some((f) => 'name' in f && f.name === 'subtitle')).toBe(true)
    expect(posts.admin.description).toBe('Host-specific posts')
    expect(payload.config.localization && payload.config.localization.defaultLocale).toBe('en')
  })

  it('lets any logged-in member edit by default and serves published posts publicly', async () => {
    const member = await payload.create({ collection: 'members', data: { email: 'm@host.test', password: 'Host-pass-123' } as never })
    const section = await payload.create({ collection: 'sections' as never, data: { name: 'News', slug: 'news' } as never, user: member })
    await payload.create({
      collection: 'posts' as never,
      data: { title: 'Hello host', category: section.id, subtitle: 'extra', _status: 'published' } as never,
      user: member,
      overrideAccess: false,
    })
    await payload.create({
      collection: 'posts' as never,
      data: { title: 'Secret draft', category: section.id, _status: 'draft' } as never,
      draft: true,
      user: member,
      overrideAccess: false,
    })

    const list = await rest(host, 'GET', '/api/news/articles?category=news')
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: { title: string }) => d.title)).toEqual(['Hello host'])
    expect(list.json.docs[0].slug).toBe('hello-host')

    const anonymous = await rest(host, 'GET', '/api/posts')
    expect(anonymous.json.docs.map((d: { title: string }) => d.title)).toEqual(['Hello host'])
    expect((await rest(host, 'POST', '/api/posts', { body: { title: 'x' } })).status).toBe(403)
  })
})
