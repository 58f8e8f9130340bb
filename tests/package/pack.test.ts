import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPackage, type PackedPackage } from '../support/packed-package'

// The tarball a host installs: what it holds, and that each export loads from plain Node (no tsx, no bundler).
// It is installed into a folder inside this repo's node_modules, so the peers (payload, next, react…) resolve from
// the repo's own node_modules as they would from a host's; the package's own dependencies come from the tarball's
// install (npm's cache, so offline-friendly).
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types: string; default: string }> }
let scratch: string
let packed: PackedPackage

beforeAll(() => {
  mkdirSync('node_modules/.cache', { recursive: true })
  scratch = mkdtempSync(path.resolve('node_modules/.cache/pack-test-'))
  packed = packPackage(scratch)
  const app = path.join(scratch, 'app')
  mkdirSync(app)
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }))
  const install = spawnSync('npm', ['install', packed.tarball, '--prefer-offline', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app, encoding: 'utf8' })
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`)
  // Next compiles the admin components' CSS imports; Node cannot, so this hook (used only for ./client and ./rsc)
  // stands in for that one bundler feature.
  writeFileSync(path.join(app, 'css-hooks.mjs'), `export const load = (url, context, next) => url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context)\n`)
  writeFileSync(path.join(app, 'css-register.mjs'), `import { register } from 'node:module'\nregister('./css-hooks.mjs', import.meta.url)\n`)
}, 180_000)

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

/** Imports `specifier` in a fresh Node process in the host folder; its export names. */
const importInNode = (specifier: string, nodeArgs: string[] = []) => {
  const code = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)))`
  const run = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], { cwd: path.join(scratch, 'app'), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
  if (run.status !== 0) throw new Error(`import ${specifier} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as string[]
}

describe('npm pack', () => {
  it('holds the compiled package with its declarations and none of the repo around it', () => {
    const files = packed.files.map((file) => file.path)
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (key.includes('*')) continue
      for (const file of typeof target === 'string' ? [target] : [target.types, target.default]) expect(files, key).toContain(file.replace(/^\.\//, ''))
    }
    const compiled = files.filter((file) => file.startsWith('dist/pkg/') && file.endsWith('.js') && !file.endsWith('.json.js'))
    expect(compiled.length).toBeGreaterThan(50)
    // Every module has its declarations beside it.
    for (const file of compiled) expect(files, file).toContain(file.replace(/\.js$/, '.d.ts'))
    expect(files).toContain('dist/pkg/cms/plugin/admin/region-field/region-field.css')
    const stray = files.filter((file) => /(^|\/)(tests?|bench|\.next|data|migrations|demo|scripts|node_modules)\//.test(file) || /\.test\.|(?<!\.d)\.tsx?$|\.map$|tsbuildinfo/.test(file))
    expect(stray).toEqual([])
  })

  it('keeps "use client" first in the compiled client components', () => {
    const root = path.join(scratch, 'app/node_modules/payload-regional-news/dist/pkg/cms/plugin/admin')
    for (const file of ['client.js', 'region-field/RegionField.js', 'embed/EmbedNavLink.js']) {
      expect(readFileSync(path.join(root, file), 'utf8'), file).toMatch(/^'use client';\n/)
    }
  })
})

describe('each export from plain Node', () => {
  it.each([
    ['payload-regional-news/plugin', ['regionalNews', 'seedRegions', 'SEED_REGIONS_COMMAND', 'runtimeOf']],
    ['payload-regional-news/collections', ['createArticlesCollection', 'createRegionsCollection']],
    ['payload-regional-news/wire', []],
    ['payload-regional-news/server', ['createNewsServer']],
    ['payload-regional-news/widgets', ['ArticleList', 'RegionPicker']],
    ['payload-regional-news/widgets/article-list/define', []],
    ['payload-regional-news/widgets/ssr', ['HYDRATE_BUNDLE']],
  ])('%s', (specifier, names) => {
    expect(importInNode(specifier)).toEqual(expect.arrayContaining(names))
  })

  it.each([
    ['payload-regional-news/client', ['RegionField', 'EmbedNavLink']],
    ['payload-regional-news/rsc', ['NewsroomDashboard', 'EmbedBuilderView']],
  ])('%s (stylesheet imports left to the bundler)', (specifier, names) => {
    expect(importInNode(specifier, ['--import', './css-register.mjs'])).toEqual(expect.arrayContaining(names))
  })

  it('the bundles and the elements manifest', () => {
    for (const asset of ['widgets/v1/widgets.js', 'widgets/v1/widgets-hydrate.js', 'custom-elements.json']) {
      const code = `console.log(import.meta.resolve('payload-regional-news/${asset}'))`
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: path.join(scratch, 'app'), encoding: 'utf8' })
      expect(run.stdout).toContain('/node_modules/payload-regional-news/dist/')
    }
  })
})
