// Which sources the current build was made from: `npm start` and `npm test` rebuild when they changed (after a
// pull, say) instead of serving a stale build. `node scripts/build-stamp.mjs write` records the stamp after a build.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const SOURCES = ['widgets', 'cms', 'collections', 'wire', 'migrations', 'scripts', 'payload.config.ts', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'custom-elements-manifest.config.mjs']
const SKIP = new Set(['node_modules', '.next', 'payload-types.ts', 'next-env.d.ts'])
const STAMP = 'dist/build-stamp.txt'
const BUILD_OUTPUTS = ['cms/.next/BUILD_ID', 'dist/widgets/v1/widgets.js', 'dist/pkg/cms/plugin/index.js', 'dist/server/main.mjs']

const files = (entry) => {
  if (!existsSync(entry)) return []
  if (!statSync(entry).isDirectory()) return [entry]
  return readdirSync(entry)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(path.join(entry, name)))
}

/** A hash of every source file's path and contents. */
export const sourceStamp = () => {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap(files)) hash.update(file).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

/** 'missing' (never built), 'stale' (sources changed since) or 'current'. */
export const buildState = () => {
  if (!BUILD_OUTPUTS.every((file) => existsSync(file))) return 'missing'
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === sourceStamp() ? 'current' : 'stale'
}

if (process.argv[2] === 'write') writeFileSync(STAMP, `${sourceStamp()}\n`)
