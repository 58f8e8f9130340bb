import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { packPackage } from './packed-package'
import { freePort } from './production-server'

/**
 * Someone else's app: generated into a temporary folder with its own package.json (our pinned versions, its lockfile
 * derived from ours), payload.config.ts (PostgreSQL, en/zh/fr, its own users and roles, its own API route and public
 * base path), the packed tarball installed, migrations, the regions seeded by the plugin's CLI command, `next build`,
 * and started with exactly the README's server.ts. Used by tests/package/foreign-host.test.ts and bench/foreign-host.ts.
 */
export const API = '/cms-api'
export const BASE_PATH = '/headlines'
export const SITE_PATH = '/stories'
export const ADMIN = { email: 'chief@host.test', password: 'Host-chief-pass-1' }

const ours = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
const pinned = (names: string[]) => Object.fromEntries(names.map((name) => [name, ours.devDependencies[name]!]))

/** The server.ts the README gives hosts (the first ts block after its heading), verbatim. */
export const readmeServerTs = (): string => {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('### The front server (`server.ts`)'))
  const block = /```ts\n([^]*?)```/.exec(section)
  if (!block) throw new Error('README has no server.ts block under "The front server"')
  return block[1]!
}

const HOST_FILES: Record<string, string> = {
  'payload.config.ts': `import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import { regionalNews } from 'payload-regional-news/plugin'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const hasRole = (user: unknown, role: string) => Boolean((user as { roles?: string[] } | null)?.roles?.includes(role))

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET!,
  db: postgresAdapter({ pool: { connectionString: process.env.DATABASE_URL }, migrationDir: path.resolve(dirname, 'migrations') }),
  editor: lexicalEditor(),
  routes: { api: '${API}' },
  admin: { user: 'staff', importMap: { baseDir: dirname } },
  i18n: { supportedLanguages: { en, zh }, fallbackLanguage: 'en' },
  localization: {
    locales: [{ code: 'en', label: 'English' }, { code: 'zh', label: '中文' }, { code: 'fr', label: 'Français' }],
    defaultLocale: 'en',
    fallback: true,
  },
  collections: [
    {
      slug: 'staff',
      auth: true,
      fields: [{ name: 'roles', type: 'select', hasMany: true, options: ['chief', 'writer'], defaultValue: ['writer'], saveToJWT: true }],
    },
  ],
  telemetry: false,
  plugins: [
    regionalNews({
      canEdit: (user) => hasRole(user, 'chief') || hasRole(user, 'writer'),
      canAdminister: (user) => hasRole(user, 'chief'),
      publicApi: { basePath: '${BASE_PATH}' },
      site: { path: '${SITE_PATH}', url: process.env.SITE_URL, name: { en: 'Foreign Host Daily', zh: '外来日报' } },
      overrides: { media: { upload: { staticDir: path.resolve(dirname, 'media') } as never } },
    }),
  ],
})
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'dom.iterable', 'esnext'],
        allowJs: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'preserve',
        plugins: [{ name: 'next' }],
        paths: { '@payload-config': ['./payload.config.ts'] },
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
  // Type-checking this generated app is not what the test is about (the package's .d.ts come from tsc itself).
  'next.config.mjs': `import { withPayload } from '@payloadcms/next/withPayload'\nexport default withPayload({ typescript: { ignoreBuildErrors: true } }, { devBundleServerPackages: false })\n`,
  'app/(payload)/layout.tsx': `import config from '@payload-config'
import '@payloadcms/next/css'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import type { ServerFunctionClient } from 'payload'
import type React from 'react'
import { importMap } from './admin/importMap'

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  return handleServerFunctions({ ...args, config, importMap })
}

export default function Layout({ children }: { children: React.ReactNode }) {
  return <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>{children}</RootLayout>
}
`,
  'app/(payload)/admin/[[...segments]]/page.tsx': `import config from '@payload-config'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'
import { importMap } from '../importMap'

type Args = { params: Promise<{ segments: string[] }>; searchParams: Promise<{ [key: string]: string | string[] }> }
export const generateMetadata = ({ params, searchParams }: Args) => generatePageMetadata({ config, params, searchParams })
export default function Page({ params, searchParams }: Args) {
  return RootPage({ config, params, searchParams, importMap })
}
`,
  'app/(payload)/admin/[[...segments]]/not-found.tsx': `import config from '@payload-config'
import { generatePageMetadata, NotFoundPage } from '@payloadcms/next/views'
import { importMap } from '../importMap'

type Args = { params: Promise<{ segments: string[] }>; searchParams: Promise<{ [key: string]: string | string[] }> }
export const generateMetadata = ({ params, searchParams }: Args) => generatePageMetadata({ config, params, searchParams })
export default function NotFound({ params, searchParams }: Args) {
  return NotFoundPage({ config, params, searchParams, importMap })
}
`,
  'app/(payload)/admin/importMap.js': 'export const importMap = {}\n',
  [`app/(payload)${API}/[...slug]/route.ts`]: `import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

export const GET = REST_GET(config)
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
`,
}

// What the host's production commands run with: Lexical's plain builds (see the README's server.ts note).
const PRODUCTION = { NODE_ENV: 'production', NODE_OPTIONS: '--conditions=production' }

/** The host's own package.json: Next + Payload at our pinned versions, and the tarball. */
const hostPackage = (tarball: string) => ({
  name: 'foreign-news-host',
  version: '1.0.0',
  private: true,
  type: 'module',
  dependencies: {
    ...pinned(['@payloadcms/db-postgres', '@payloadcms/next', '@payloadcms/richtext-lexical', '@payloadcms/translations', '@payloadcms/ui', 'graphql', 'next', 'payload', 'react', 'react-dom', 'tsx']),
    'payload-regional-news': `file:${tarball}`,
  },
  devDependencies: pinned(['typescript', '@types/node', '@types/react', '@types/react-dom']),
})

export interface ForeignHost {
  app: string
  origin: string
  /** What `npx payload regional-news:seed-regions` printed. */
  seedOutput: string
  /** Everything server.ts printed so far. */
  serverOutput: () => string
  /** A request to the host's REST API (its own route), as `token`'s user when given; throws on a non-2xx answer. */
  rest: (method: string, pathname: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>
  stop: () => Promise<void>
}

/** Builds and starts the host on `databaseUrl` (an empty PostgreSQL database); `log` hears each step's duration. */
export const startForeignHost = async ({ databaseUrl, log = () => undefined }: { databaseUrl: string; log?: (line: string) => void }): Promise<ForeignHost> => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'regional-news-host-'))
  const app = path.join(scratch, 'app')
  mkdirSync(app)
  let server: ChildProcess | undefined
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM')
      await new Promise((resolve) => server!.once('exit', resolve))
    }
    rmSync(scratch, { recursive: true, force: true })
  }
  try {
    const { tarball } = packPackage(scratch)
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    const { NODE_ENV: _nodeEnv, NODE_OPTIONS: _nodeOptions, ...inherited } = process.env
    const env: Record<string, string | undefined> = {
      ...inherited,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: 'foreign-host-secret-0123456789abcdef',
      SITE_URL: origin,
      PORT: String(port),
    }
    const step = (label: string, command: string, args: string[], extraEnv: Record<string, string | undefined> = {}) => {
      const started = Date.now()
      const run = spawnSync(command, args, { cwd: app, env: { ...env, ...extraEnv } as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`)
      log(`foreign host: ${label} ${Math.round((Date.now() - started) / 1000)} s`)
      return run.stdout
    }

    for (const [file, text] of Object.entries(HOST_FILES)) {
      mkdirSync(path.dirname(path.join(app, file)), { recursive: true })
      writeFileSync(path.join(app, file), text)
    }
    writeFileSync(path.join(app, 'server.ts'), readmeServerTs())
    writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(hostPackage(tarball), null, 2)}\n`)
    // The lockfile starts from ours (same resolved versions, in npm's cache) and is narrowed to this app; npm ci
    // then installs exactly it.
    writeFileSync(path.join(app, 'package-lock.json'), readFileSync('package-lock.json'))
    step('lock', 'npm', ['install', '--package-lock-only', '--prefer-offline', '--no-audit', '--no-fund'])
    step('npm ci', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'])
    step('import map', 'npx', ['payload', 'generate:importmap'], PRODUCTION)
    step('migrate:create', 'npx', ['payload', 'migrate:create', 'initial'], PRODUCTION)
    step('migrate', 'npx', ['payload', 'migrate'], PRODUCTION)
    const seedOutput = step('seed regions (CLI)', 'npx', ['payload', 'regional-news:seed-regions'], PRODUCTION)
    step('next build', 'npx', ['next', 'build'], { NODE_ENV: 'production' })

    // The README's command line for it.
    let output = ''
    const started = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'server.ts'], { cwd: app, env: { ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    server = started
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('ready on')) resolve()
      }
      started.stdout!.on('data', onData)
      started.stderr!.on('data', onData)
      started.once('exit', (code) => reject(new Error(`server.ts exited (${code}):\n${output.slice(-4000)}`)))
    })
    log('foreign host: started')

    const rest = async (method: string, pathname: string, body?: unknown, token?: string) => {
      const response = await fetch(`${origin}${API}${pathname}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const json = (await response.json()) as Record<string, unknown>
      if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(json)}`)
      return json
    }
    return { app, origin, seedOutput, serverOutput: () => output, rest, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** A Lexical body of one paragraph. */
export const paragraph = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})
