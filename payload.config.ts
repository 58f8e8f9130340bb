import path from 'node:path'
import { buildConfig, type Config, type SanitizedConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import sharp from 'sharp'
import { hasRole, Users } from './cms/demo/users'
import { databaseFromUrl, guardConnectionPool } from './cms/database'
import { regionalNews, type RegionalNewsOptions } from './cms/plugin'
import { resolveSecret } from './cms/secret'

// Next bundles this file, so import.meta.url is not a reliable anchor: paths are relative to the working directory.
const root = process.env.REGIONAL_NEWS_ROOT ?? process.cwd()

export interface DemoConfigOptions {
  db?: Config['db']
  secret?: string
  /** Where uploaded images are written. */
  mediaDir?: string
  plugin?: RegionalNewsOptions
}

/** The demo application: users with roles, the regional news plugin, the database chosen by DATABASE_URL. */
export const createConfig = async (options: DemoConfigOptions = {}): Promise<SanitizedConfig> =>
  buildConfig({
    secret: options.secret ?? resolveSecret(root),
    serverURL: process.env.PUBLIC_URL ?? '',
    db: options.db ?? (await databaseFromUrl(process.env.DATABASE_URL, root)),
    editor: lexicalEditor(),
    sharp,
    admin: {
      user: Users.slug,
      // The default Gravatar avatar is an outside request that fails on closed networks.
      avatar: 'default',
      meta: { titleSuffix: ' · 区域新闻 CMS' },
      importMap: { baseDir: path.resolve(root, 'cms'), importMapFile: path.resolve(root, 'cms/app/(payload)/admin/importMap.js') },
    },
    i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
    localization: {
      locales: [
        { code: 'zh', label: '中文' },
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'zh',
      fallback: true,
    },
    collections: [Users],
    graphQL: { disable: true },
    typescript: { autoGenerate: false, outputFile: path.resolve(root, 'cms/payload-types.ts') },
    telemetry: false,
    // Client mistakes (bad login, bad query path) are not server errors: keep ERROR for real faults.
    loggingLevels: { AuthenticationError: 'info', LockedAuth: 'warn', QueryError: 'info', FileUploadError: 'info' },
    onInit: async (payload) => guardConnectionPool(payload),
    plugins: [
      regionalNews({
        canEdit: (user) => hasRole(user, 'admin') || hasRole(user, 'editor'),
        canAdminister: (user) => hasRole(user, 'admin'),
        // Absolute URLs in pages, feeds and sitemaps: SITE_URL in production, this server locally.
        site: {
          url: process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`,
          name: { zh: '托盈新闻中心', en: 'Tuoying Newsroom' },
          description: { zh: '托盈塑料托盘租赁新闻中心：行业新闻、跨界新闻、托盘百科、政策法规。', en: 'Tuoying pallet rental newsroom: industry news, cross-industry news, pallet guides and policies.' },
        },
        // ADMIN_COMPONENTS=off measures the stock admin (bench/admin-build.ts; regenerate the import map with it).
        ...(process.env.ADMIN_COMPONENTS === 'off' ? { adminComponents: false as const } : {}),
        ...options.plugin,
        // PUBLIC_API_CACHE=off measures the uncached read path (bench/api.ts).
        ...(process.env.PUBLIC_API_CACHE === 'off' ? { publicApi: { ...options.plugin?.publicApi, cache: false } } : {}),
        overrides: {
          // A run-time directory, not a source: the ignore comment keeps Next from tracing the whole project.
          media: { upload: { staticDir: options.mediaDir ?? path.resolve(/*turbopackIgnore: true*/ root, process.env.MEDIA_DIR || 'data/media') } as never },
          ...options.plugin?.overrides,
        },
      }),
    ],
  })

export default createConfig()
