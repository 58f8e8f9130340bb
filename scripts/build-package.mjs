// The package's Node code (plugin, collections, wire contract, front server) as ES modules with .d.ts in dist/pkg:
// tsc compiles each file on its own (tsconfig.build.json), so 'use client' stays the first statement of every admin
// component. The sources use bundler-style specifiers ('./options', './region-data.json'); plain Node needs
// './options.js', './dir/index.js' and JSON as a module, so the output's relative specifiers are made explicit here.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const OUT = 'dist/pkg'
rmSync(OUT, { recursive: true, force: true })
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const full = path.join(dir, name)
  return statSync(full).isDirectory() ? walk(full) : [full]
})

// `from '…'`, `import '…'`, `import('…')`, `export … from '…'` with a relative target, or a subpath of `next`
// (a package without an exports map: Node needs the file name, e.g. next/navigation.js).
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*|next\/[^'"]*)\2/g

const explicit = (file, specifier, declaration) => {
  if (specifier.startsWith('next/')) return /\.js$/.test(specifier) ? specifier : `${specifier}.js`
  const target = path.resolve(path.dirname(file), specifier)
  if (specifier.endsWith('.json')) return `${specifier}.js`
  if (/\.(js|css)$/.test(specifier)) return specifier
  const module = declaration ? '.d.ts' : '.js'
  if (existsSync(`${target}${module}`)) return `${specifier}.js`
  if (existsSync(path.join(target, `index${module}`))) return `${specifier}/index.js`
  throw new Error(`${file}: cannot resolve ${specifier} in the build`)
}

for (const file of walk(OUT)) {
  if (file.endsWith('.json')) {
    // JSON as a module: plain Node needs import attributes for .json, bundlers do not all accept them.
    writeFileSync(`${file}.js`, `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))))})\n`)
    rmSync(file)
    continue
  }
  const declaration = file.endsWith('.d.ts')
  if (!declaration && !file.endsWith('.js')) continue
  const source = readFileSync(file, 'utf8')
  const rewritten = source.replace(SPECIFIER, (_, head, quote, specifier) => `${head}${quote}${explicit(file, specifier, declaration)}${quote}`)
  if (rewritten !== source) writeFileSync(file, rewritten)
}

// The admin components' stylesheets, beside the components that import them.
for (const css of walk('cms/plugin').filter((file) => file.endsWith('.css'))) copyFileSync(css, path.join(OUT, css))

// The widgets' server renderer is also compiled by Vite (dist/widgets/ssr, templates minified like the bundles so
// hydration matches); only its declarations are used from here.
for (const file of walk(path.join(OUT, 'widgets/ssr'))) if (file.endsWith('.js')) rmSync(file)

console.log(`built ${OUT}`)
