// Compiles the production server (and everything it imports from this repo) to plain JavaScript, so a production
// start runs no TypeScript loader; npm packages stay external and load from node_modules.
import { build } from 'esbuild'

await build({
  entryPoints: { main: 'cms/demo/main.ts' },
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})
console.log('built dist/server/main.mjs')
