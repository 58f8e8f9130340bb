import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpCreate, httpRest, httpUpload, registerFirstAdmin } from '../support/http-rest'
import { type RunningServer, startProductionServer } from '../support/production-server'
import { inPool, rawRequest, type RawRequest, type RawResponse } from '../support/raw-http'
import { errorLines } from '../support/server-log'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/**
 * Hundreds of generated malformed requests against the production server (REST API, public endpoints, static
 * paths): every answer must be a 4xx JSON message, the server must log no error, and it must keep answering.
 */

interface Case extends RawRequest {
  name: string
  /** Also sent with the admin's token (REST cases): validation must not depend on who asks. */
  asAdmin?: boolean
}

const COLLECTIONS = [
  'users', 'regions', 'categories', 'articles', 'media', 'article-views', 'view-receipts',
  'payload-kv', 'payload-jobs', 'payload-locked-documents', 'payload-preferences',
]
/** Collections without a REST API or that do not exist: everything there is a 404. */
const NO_API = ['payload-migrations', 'no-such-collection']

const enc = encodeURIComponent
const q = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${enc(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${enc(v)}`).join('&')

/** `where` nested `levels` deep in and/or, as JSON. */
const nestedWhere = (levels: number): unknown => (levels === 0 ? { id: { equals: 1 } } : { [levels % 2 ? 'or' : 'and']: [nestedWhere(levels - 1)] })

/** Odd strings, percent-encoded: lone surrogates, NUL, controls, bidi override, zero-width, BOM, invalid UTF-8. */
const ODD_VALUES: Record<string, string> = {
  'lone high surrogate': '%ED%A0%80',
  'lone low surrogate': 'x%ED%B0%80',
  NUL: 'a%00b',
  'control char': 'a%07b',
  'escape char': '%1B%5B31m',
  'RTL override': '%E2%80%AEgnp.exe',
  'LTR isolate': '%E2%81%A6x',
  'zero-width space': 'a%E2%80%8Bb',
  'word joiner': 'a%E2%81%A0b',
  BOM: '%EF%BB%BFx',
  'invalid UTF-8': '%C3%28',
  'truncated escape': '%E4%B8',
  'bad escape': '%zz',
  'overlong UTF-8 slash': '%C0%AF',
}

const PATH_TRICKS = ['..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%5c..%5cwindows', '%2e%2e', '..', 'a%00b', '.%2e/x', '%252e%252e%252f']

/** Per collection: a field of each kind and how to misuse it. */
const FIELD_ABUSE: Record<string, [string, string][]> = {
  articles: [
    ['where[publishedAt][greater_than]', 'not-a-date'], ['where[publishedAt][equals]', '2024-13-45'], ['where[publishedAt][like]', '2024'],
    ['where[featured][equals]', 'maybe'], ['where[featured][greater_than]', 'true'], ['where[category][equals]', 'abc'],
    ['where[category][in]', '1,abc'], ['where[category][like]', 'x'], ['where[category][equals]', '99999999999'],
    ['where[regions][all]', '1,2'], ['where[regions][contains]', '1'], ['where[regions][near]', '1,2'], ['where[body][like]', 'x'],
    ['where[body.root.children][exists]', 'true'], ['where[credits][equals]', 'x'], ['where[credits.nope][equals]', 'x'],
    ['where[_status][equals]', 'secret'], ['where[_status][like]', 'pub'], ['where[views][equals]', '1'],
    ['where[title][greater_than]', 'a'], ['where[title][near]', '1,2'], ['where[title][within]', 'x'], ['where[title][equals][x]', '1'],
    ['where[category.nope][equals]', 'x'], ['where[category.slug.x][equals]', 'x'], ['where[title.xx][equals]', 'x'],
    ['where[cover.usedByPublished.x][equals]', 'x'], ['sort', 'body'], ['sort', 'regions'], ['sort', 'credits'], ['sort', 'category.name'],
    ['sort', '-'], ['sort', 'title,slug,author,featured,publishedAt'], ['where[title][exists]', 'maybe'],
  ],
  regions: [
    ['where[level][equals]', 'bogus'], ['where[level][in]', 'province,bogus'], ['where[level][like]', 'prov'], ['where[latitude][equals]', 'abc'],
    ['where[latitude][greater_than]', '1e999'], ['where[latitude][like]', '3'], ['where[hot][equals]', 'yes'], ['where[parent][equals]', 'x'],
    ['where[parent.parent.parent.code][equals]', '1'], ['where[code][in]', ''], ['where[active][in]', 'true,false'],
    ['where[name][equals]', 'x'.repeat(1001)], ['where[createdAt][less_than]', 'yesterday'], ['sort', 'nope'],
  ],
  categories: [['where[order][equals]', 'first'], ['where[order][like]', '1'], ['where[slug][near]', '1,2'], ['where[description][greater_than]', 'a']],
  media: [
    ['where[filesize][greater_than]', 'big'], ['where[usedByPublished][equals]', 'sometimes'], ['where[sizes][equals]', 'x'],
    ['where[sizes.thumb.nope][equals]', 'x'], ['where[mimeType][greater_than_equal]', 'image'], ['where[width][in]', '1,two'],
  ],
  users: [
    ['where[hash][exists]', 'true'], ['where[salt][exists]', 'true'], ['where[resetPasswordToken][exists]', 'true'], ['where[roles][equals]', 'root'],
    ['where[roles][like]', 'adm'], ['where[email][greater_than]', 'a'], ['where[sessions][exists]', 'true'], ['sort', 'hash'],
  ],
  'article-views': [['where[views][equals]', 'many'], ['where[article][equals]', 'slug'], ['where[article.nope][equals]', '1']],
  'view-receipts': [['where[expiresAt][equals]', 'never'], ['where[key][near]', '1,2']],
  'payload-jobs': [['where[input][like]', 'x'], ['where[input.secret][equals]', 'x'], ['where[totalTried][equals]', 'x'], ['where[hasError][equals]', 'x']],
  'payload-locked-documents': [['where[document][equals]', 'abc'], ['where[document.nope][equals]', '1'], ['where[document.value][equals]', 'x'], ['where[user.relationTo][equals]', 'nope']],
  'payload-preferences': [['where[value][equals]', 'x'], ['where[user][like]', 'x'], ['where[key][near]', '1,2']],
  'payload-kv': [['where[data][like]', 'x'], ['where[key][greater_than]', 'x']],
}

const restCases = (ids: { article: number | string; category: number | string }): Case[] => {
  const cases: Case[] = []
  const add = (c: Case) => cases.push({ asAdmin: true, ...c })
  for (const c of COLLECTIONS) {
    const base = `/api/${c}`
    const badIds = c === 'payload-preferences' ? ['a%20b', '%7B%7D', "x'--", 'k'.repeat(300)] : ['abc', '-1', '1.5', '0x10', '99999999999', '1e3', "1'%20OR%20'1'='1", '%20', 'null']
    for (const id of badIds) {
      add({ name: `${c}: GET id ${id}`, path: `${base}/${id}` })
      if (c !== 'payload-preferences') {
        add({ name: `${c}: PATCH id ${id}`, method: 'PATCH', path: `${base}/${id}`, headers: { 'Content-Type': 'application/json' }, body: '{}' })
        add({ name: `${c}: DELETE id ${id}`, method: 'DELETE', path: `${base}/${id}` })
      }
    }
    if (c !== 'payload-preferences') {
      add({ name: `${c}: versions id abc`, path: `${base}/versions/abc` })
      add({ name: `${c}: duplicate id abc`, method: 'POST', path: `${base}/abc/duplicate` })
      add({ name: `${c}: access id abc`, method: 'POST', path: `${base}/access/abc` })
    }
    const queries: [string, string][] = [
      ['where[nope][equals]', '1'], ['where', 'notjson'], ['where', '{"id":'], ['where', '[1,2]'], ['where', '"x"'],
      ['where[id][near]', '1,2'], ['where[id][like]', '1'], ['where[id][equals]', 'abc'], ['where[id][in]', ''], ['where[id][in]', '1,,2'],
      ['where[or]', 'x'], ['where[and][0]', 'x'], ['where[id][bogus_op]', '1'], ['where[id]', '1'], ['where[id][equals][]', '1'],
      ['where[__proto__][equals]', '1'], ['where[constructor][prototype][x]', '1'], ['where[id][exists]', 'perhaps'],
      ['where', JSON.stringify(nestedWhere(8))], ['where', JSON.stringify({ or: Array.from({ length: 60 }, (_, i) => ({ id: { equals: i + 1 } })) })],
      ['where[or][0][and][0][or][0][and][0][or][0][id][equals]', '1'], ['where[id][in]', Array.from({ length: 501 }, (_, i) => i + 1).join(',')],
      ['limit', '100000'], ['limit', '0'], ['limit', '-1'], ['limit', '1e3'], ['limit', '10.5'], ['limit', ''], ['depth', '10'], ['depth', '-1'],
      ['depth', 'abc'], ['page', '100001'], ['page', '0'], ['page', '1.5'], ['sort', 'nope'], ['sort', '-nope'], ['locale', 'xx'],
      ['fallback-locale', 'klingon'], ['draft', 'maybe'], ['trash', '1'], ['pagination', 'false'], ['unknownParam', '1'],
      ['select[a][b][c][d][e][f][g]', 'true'], ['select[title]', 'yes'], ['populate[nope][x]', 'true'], ['joins[x][limit]', '1'],
      ['where.id.equals', '1'], ['where[id', '1'],
      ...Object.values(ODD_VALUES).map((v): [string, string] => ['where[id][equals]', v]),
    ]
    for (const [key, value] of queries) add({ name: `${c}: ?${key}=${value.slice(0, 40)}`, path: `${base}?${q({ [key]: value })}` })
    // Raw (already-encoded) odd values, which q() would re-encode.
    for (const [label, raw] of Object.entries(ODD_VALUES)) add({ name: `${c}: raw ${label} in where`, path: `${base}?where[id][equals]=${raw}` })
    for (const [label, raw] of Object.entries(ODD_VALUES)) add({ name: `${c}: raw ${label} in key`, path: `${base}?where[${raw}][equals]=1` })
    add({ name: `${c}: duplicate limit`, path: `${base}?limit=1&limit=2` })
    add({ name: `${c}: list + object`, path: `${base}?where[or][0][id][equals]=1&where[or][x][id][equals]=1` })
    add({ name: `${c}: overlong query`, path: `${base}?where[id][equals]=${'9'.repeat(5000)}` })
    add({ name: `${c}: count unknown field`, path: `${base}/count?where[nope][exists]=true` })
    add({ name: `${c}: versions bad where`, path: `${base}/versions?where[id][equals]=abc` })
    for (const trick of PATH_TRICKS) add({ name: `${c}: path ${trick}`, path: `${base}/${trick}` })
    for (const [key, value] of FIELD_ABUSE[c] ?? []) add({ name: `${c}: field ?${key}=${value.slice(0, 30)}`, path: `${base}?${q({ [key]: value })}` })
    // Bodies
    const json = { 'Content-Type': 'application/json' }
    for (const [label, body] of Object.entries({
      'broken JSON': '{bad', 'trailing comma': '{"a":1,}', 'JSON array': '[]', 'JSON null': 'null', 'JSON string': '"x"', 'JSON number': '42',
      'NUL in JSON string': '{"title":"a\\u0000b","name":"a\\u0000b"}', 'lone surrogate in JSON': '{"title":"\\ud800","name":"\\udc00"}',
      'NUL in key': '{"a\\u0000":1}', 'deep JSON': `{"a":${'['.repeat(150)}${']'.repeat(150)}}`,
    })) {
      add({ name: `${c}: POST ${label}`, method: 'POST', path: base, headers: json, body })
      if (c !== 'payload-preferences') add({ name: `${c}: PATCH ${label}`, method: 'PATCH', path: `${base}?where[id][equals]=1`, headers: json, body })
    }
    add({ name: `${c}: POST > 1 MB JSON`, method: 'POST', path: base, headers: json, body: JSON.stringify({ title: 'x'.repeat(1_100_000) }) })
    add({ name: `${c}: POST chunked > 1 MB JSON`, method: 'POST', path: base, headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: JSON.stringify({ title: 'x'.repeat(1_100_000) }) })
    add({ name: `${c}: POST text/plain`, method: 'POST', path: base, headers: { 'Content-Type': 'text/plain' }, body: 'title=x' })
    add({ name: `${c}: POST xml`, method: 'POST', path: base, headers: { 'Content-Type': 'application/xml' }, body: '<a/>' })
    add({ name: `${c}: POST form without override`, method: 'POST', path: base, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' })
    add({ name: `${c}: POST multipart without boundary`, method: 'POST', path: base, headers: { 'Content-Type': 'multipart/form-data' }, body: 'x' })
    add({ name: `${c}: POST multipart garbage`, method: 'POST', path: base, headers: { 'Content-Type': 'multipart/form-data; boundary=zz' }, body: 'garbage' })
    add({
      name: `${c}: POST multipart broken _payload`, method: 'POST', path: base, headers: { 'Content-Type': 'multipart/form-data; boundary=zz' },
      body: '--zz\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{bad\r\n--zz--\r\n',
    })
    add({
      name: `${c}: POST multipart unterminated`, method: 'POST', path: base, headers: { 'Content-Type': 'multipart/form-data; boundary=zz' },
      body: '--zz\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}',
    })
    const override = { 'X-Payload-HTTP-Method-Override': 'GET', 'Content-Type': 'application/x-www-form-urlencoded' }
    add({ name: `${c}: override bad where`, method: 'POST', path: base, headers: override, body: 'where[nope][equals]=1' })
    add({ name: `${c}: override huge limit`, method: 'POST', path: base, headers: override, body: 'limit=99999' })
    add({ name: `${c}: override with URL query`, method: 'POST', path: `${base}?depth=1`, headers: override, body: 'limit=1' })
    add({ name: `${c}: override text/plain`, method: 'POST', path: base, headers: { ...override, 'Content-Type': 'text/plain' }, body: 'limit=1' })
    add({ name: `${c}: override broken JSON`, method: 'POST', path: base, headers: { ...override, 'Content-Type': 'application/json' }, body: '{' })
    add({ name: `${c}: bulk DELETE without where`, method: 'DELETE', path: base })
    add({ name: `${c}: bulk PATCH without where`, method: 'PATCH', path: base, headers: json, body: '{}' })
    add({ name: `${c}: PUT`, method: 'PUT', path: `${base}/1`, headers: json, body: '{}' })
  }
  for (const c of NO_API) {
    for (const suffix of ['', '/1', '?limit=1', '/versions', '/count']) add({ name: `${c}${suffix}`, path: `/api/${c}${suffix}` })
  }
  // Upload-specific
  add({ name: 'media: file with dot name', path: '/api/media/file/.htaccess' })
  add({ name: 'media: file name too long', path: `/api/media/file/${'a'.repeat(300)}.png` })
  add({ name: 'media: file path trick', path: '/api/media/file/..%2f..%2f..%2fpackage.json' })
  add({ name: 'media: file NUL', path: '/api/media/file/x.png%00.txt' })
  add({ name: 'media: paste-url (disabled)', path: '/api/media/paste-url?src=http://169.254.169.254/latest/meta-data' })
  add({ name: 'media: upload > 20 MB', method: 'POST', path: '/api/media', headers: { 'Content-Type': 'multipart/form-data; boundary=zz' }, body: Buffer.alloc(21 * 1024 * 1024, 97) })
  add({ name: 'categories: multipart > 1 MB', method: 'POST', path: '/api/categories', headers: { 'Content-Type': 'multipart/form-data; boundary=zz' }, body: Buffer.alloc(1_200_000, 97) })
  // Auth routes
  const json = { 'Content-Type': 'application/json' }
  for (const route of ['login', 'forgot-password', 'unlock', 'reset-password', 'refresh-token', 'first-register']) {
    add({ name: `auth ${route}: broken JSON`, method: 'POST', path: `/api/users/${route}`, headers: json, body: '{"email":' })
    add({ name: `auth ${route}: JSON array`, method: 'POST', path: `/api/users/${route}`, headers: json, body: '[{"email":"a@b.c"}]' })
    add({ name: `auth ${route}: NUL`, method: 'POST', path: `/api/users/${route}`, headers: json, body: '{"email":"a\\u0000@b.c","password":"x"}' })
    add({ name: `auth ${route}: unknown param`, method: 'POST', path: `/api/users/${route}?where[id][equals]=1`, headers: json, body: '{}' })
    add({ name: `auth ${route}: text/plain`, method: 'POST', path: `/api/users/${route}`, headers: { 'Content-Type': 'text/plain' }, body: 'x' })
  }
  add({ name: 'auth me: bad depth', path: '/api/users/me?depth=99' })
  add({ name: 'auth verify: bad token', method: 'POST', path: "/api/users/verify/x'%20OR%201=1" })
  add({ name: 'auth logout: bad flag', method: 'POST', path: '/api/users/logout?allSessions=maybe' })
  add({ name: 'jobs run: huge limit', path: '/api/payload-jobs/run?limit=100000' })
  add({ name: 'jobs run: bad queue', path: '/api/payload-jobs/run?queue=../x' })
  add({ name: 'root access: unknown param', path: '/api/access?x=1' })
  add({ name: 'graphql (disabled)', method: 'POST', path: '/api/graphql', headers: json, body: '{"query":"{__schema{types{name}}}"}' })
  add({ name: 'globals (none)', path: '/api/globals/settings' })
  add({ name: 'api root', path: '/api' })
  add({ name: 'article valid id, bad depth', path: `/api/articles/${ids.article}?depth=4` })
  add({ name: 'article valid id, unknown param', path: `/api/articles/${ids.article}?debug=true` })
  add({ name: 'category valid id, bad locale', path: `/api/categories/${ids.category}?locale=de` })
  return cases
}

const publicCases = (): Case[] => {
  const cases: Case[] = []
  const base = '/api/news'
  for (const query of [
    'limit=1000', 'limit=0', 'limit=abc', 'limit=-5', 'page=0', 'page=100000', 'page=1.5', 'sort=bogus', 'sort=-view', 'sort=views', 'region=abc', 'region=1100001',
    'category=..%2Fx', 'category=UPPER', 'category=a%20b', 'locale=xx', 'foo=1', 'limit=1&limit=2', 'where[title][equals]=x', 'region=%ED%A0%80',
    'category=%00', 'category=%E2%80%AEx', 'category=a%E2%80%8Bb', `category=${'a'.repeat(200)}`,
  ]) {
    cases.push({ name: `public list ?${query}`, path: `${base}/articles?${query}` })
  }
  for (const slug of ['..%2fusers', '%2e%2e', 'a%00b', '%ED%A0%80', '%E2%80%AEevil', 'x%E2%80%8By', 'UPPER', 'a_b', 'no-such-article', `${'a'.repeat(200)}`, "x'--", '%3Cscript%3E']) {
    cases.push({ name: `public article ${slug.slice(0, 30)}`, path: `${base}/articles/${slug}` })
  }
  cases.push({ name: 'public regions bad locale', path: `${base}/regions?locale=xx` })
  cases.push({ name: 'public regions unknown param', path: `${base}/regions?x=1` })
  cases.push({ name: 'public categories bad locale', path: `${base}/categories?locale=1` })
  cases.push({ name: 'public unknown endpoint', path: `${base}/nope` })
  cases.push({ name: 'public DELETE', method: 'DELETE', path: `${base}/articles` })
  cases.push({ name: 'public PUT', method: 'PUT', path: `${base}/regions`, headers: { 'Content-Type': 'application/json' }, body: '{}' })
  const views = `${base}/articles/no-such-article/views`
  cases.push({ name: 'views text/plain', method: 'POST', path: views, headers: { 'Content-Type': 'text/plain' }, body: 'x' })
  cases.push({ name: 'views broken JSON', method: 'POST', path: views, headers: { 'Content-Type': 'application/json' }, body: '{"visitor":' })
  cases.push({ name: 'views > 1 kB', method: 'POST', path: views, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ visitor: 'x'.repeat(5000) }) })
  cases.push({ name: 'views with query', method: 'POST', path: `${views}?x=1`, headers: { 'Content-Type': 'application/json' }, body: '{}' })
  cases.push({ name: 'views bad slug', method: 'POST', path: `${base}/articles/..%2f/views`, headers: { 'Content-Type': 'application/json' }, body: '{}' })
  cases.push({ name: 'views bad visitor', method: 'POST', path: views, headers: { 'Content-Type': 'application/json' }, body: '{"visitor":{"$gt":""}}' })
  return cases
}

const staticCases = (): Case[] =>
  [
    '/widgets/v1/../../package.json', '/widgets/v1/%2e%2e/%2e%2e/package.json', '/widgets/v1/..%5c..%5cpackage.json', '/widgets/v1/nope.js',
    '/widgets/v1/chunks/..%2f..%2fwidgets.js', '/widgets/v1/widgets.js%00.map', '/widgets/v1//widgets.js', '/demo/../package.json', '/demo/nope.js',
    '/demo/%2e%2e/%2e%2e/.payload-secret', '/..%2f..%2fetc%2fpasswd', '//etc/passwd', '/.env', '/package.json', '/.payload-secret',
    '/data/regional-news.db', '/cms/.next/BUILD_ID', '/node_modules/payload/package.json', '/admin/..%2f..%2fpackage.json',
    '/_next/static/..%2f..%2f..%2fpackage.json', '/_next/%2e%2e/%2e%2e/package.json', '/%00', '/a\\..\\..\\package.json', `/${'x'.repeat(3000)}`,
    'http://evil.example/api/users', '/%E2%80%AE', '/%ED%A0%80', '/admin/%ED%A0%80', '/admin/collections/%2e%2e',
  ].map((path): Case => ({ name: `static ${path.slice(0, 50)}`, path }))

/** Requests Node's HTTP parser itself refuses. */
const parserCases = (): Case[] => [
  { name: 'parser: Content-Length and chunked together', method: 'POST', path: '/api/categories', headers: { 'Content-Length': '5', 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' }, body: '{}' },
  { name: 'parser: 20 kB header', path: '/api/categories', headers: { 'X-Padding': 'a'.repeat(20_000) } },
]

let tried = 0

afterAll(() => console.log(`hostile requests: ${tried} requests tried`))

const messageOf = (response: RawResponse): unknown => response.json?.errors?.[0]?.message ?? response.json?.message

// SQLite (the embedded default) and PostgreSQL, whose enums, 32-bit ids and typed columns turn bad values into 500s.
describe.each(['sqlite', 'postgres'] as const)('hostile requests (%s)', (kind) => {
  let server: RunningServer
  let database: TestDatabase
  let token: string
  let ids: { article: number | string; category: number | string }

  const send = (c: Case, auth?: string) => {
    tried++
    return rawRequest(server.url, { ...c, headers: { ...c.headers, ...(auth ? { Authorization: `JWT ${auth}` } : {}) } })
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind)
    server = await startProductionServer({
      DATABASE_URL: kind === 'sqlite' ? `file:${path.join(database.dir, 'hostile.db')}` : database.url,
      PAYLOAD_SECRET: 'hostile-requests-secret-0123456789abcdef',
      SEED_ON_EMPTY: 'false',
      // Uploads land in the scratch directory.
      REGIONAL_NEWS_ROOT: database.dir,
    })
    token = await registerFirstAdmin(server.url, 'admin@hostile.test', 'Hostile-admin-pass-1')
    const category = await httpCreate(server.url, token, 'categories', { name: '行业新闻', slug: 'industry' })
    const region = await httpCreate(server.url, token, 'regions', { name: '浙江', code: '330000', level: 'province' })
    const cover = await httpUpload(server.url, token, 'cover.png', '封面')
    const article = await httpCreate(server.url, token, 'articles', {
      title: '公开文章', slug: 'public-article', category: category.id, regions: [region.id], cover: cover.id, _status: 'published',
    })
    ids = { article: article.id, category: category.id }
  })

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
  })

  it('answers every malformed request with a 4xx JSON message, logging no error', async () => {
    const cases = [...restCases(ids), ...publicCases(), ...staticCases(), ...parserCases()]
    const jobs = cases.flatMap((c) => [{ c, auth: undefined as string | undefined }, ...(c.asAdmin ? [{ c, auth: token }] : [])])
    expect(jobs.length).toBeGreaterThanOrEqual(300)
    console.log(`hostile requests (${kind}): ${cases.length} generated cases, ${jobs.length} requests (REST cases also as admin)`)
    const failures: string[] = []
    await inPool(jobs, 6, async ({ c, auth }) => {
      let response: RawResponse
      try {
        response = await send(c, auth)
      } catch (error) {
        failures.push(`${c.name}${auth ? ' (admin)' : ''}: no answer (${(error as Error).message})`)
        return
      }
      const message = messageOf(response)
      const ok = response.status >= 400 && response.status < 500 && /json/.test(String(response.headers['content-type'])) && typeof message === 'string' && message.length > 0
      if (!ok) failures.push(`${c.name}${auth ? ' (admin)' : ''}: ${response.status} ${response.text.slice(0, 160)}`)
    })
    expect(failures, failures.join('\n')).toEqual([])
    expect(errorLines(server.output()), 'the server logged errors').toEqual([])
  })

  it('still serves normal requests afterwards', async () => {
    const list = await httpRest(server.url, 'GET', '/api/articles?limit=5&depth=1&where[_status][equals]=published&sort=-publishedAt')
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: { id: unknown }) => d.id)).toEqual([ids.article])
    expect((await httpRest(server.url, 'GET', `/api/articles/${ids.article}?depth=2&locale=en&fallback-locale=zh`)).status).toBe(200)
    expect((await httpRest(server.url, 'GET', '/api/news/articles?limit=5')).json.docs).toHaveLength(1)
    expect((await httpRest(server.url, 'GET', '/api/categories', { token })).json.totalDocs).toBe(1)
    // The admin's relationship lookup: a POST standing in for a GET, with limit above 100 pinned by an id list.
    const lookup = await httpRest(server.url, 'POST', '/api/categories', {
      token,
      headers: { 'X-Payload-HTTP-Method-Override': 'GET', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `depth=0&draft=true&limit=250&locale=zh&select%5Bname%5D=true&where%5Bid%5D%5Bin%5D%5B0%5D=${ids.category}`,
    })
    expect(lookup.status).toBe(200)
    expect(lookup.json.docs).toHaveLength(1)
    const pinned = await httpRest(server.url, 'GET', `/api/categories?depth=0&draft=true&limit=250&locale=zh&where[id][in]=${ids.category}`, { token })
    expect(pinned.json.docs).toHaveLength(1)
    tried += 6
    expect(errorLines(server.output())).toEqual([])
  })

  it.runIf(kind === 'sqlite')('a real fault (database write lock held past the busy timeout) still answers 5xx, then recovers', async () => {
    const db = createClient({ url: `file:${path.join(database.dir, 'hostile.db')}` })
    const lock = await db.transaction('write')
    try {
      const started = Date.now()
      const blocked = await httpRest(server.url, 'POST', '/api/categories', { token, body: { name: '锁', slug: 'while-locked' } })
      tried++
      expect(blocked.status, blocked.text).toBeGreaterThanOrEqual(500)
      expect(blocked.json?.errors?.[0]?.message).toBeTruthy()
      expect(Date.now() - started).toBeLessThan(15_000)
    } finally {
      await lock.rollback()
      db.close()
    }
    const after = await httpRest(server.url, 'POST', '/api/categories', { token, body: { name: '恢复', slug: 'after-lock' } })
    tried++
    expect(after.status).toBe(201)
  })
})
