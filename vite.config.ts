import { defineConfig, type Plugin } from 'vite'
import { precompress } from './scripts/precompress-plugin'
import { slimLitSsrSupport } from './scripts/slim-lit-ssr-support-plugin'
import { litErrorText } from './scripts/lit-error-text-plugin'

/**
 * Three builds from one `vite build`:
 * - `lib`: ES modules for npm users in dist/widgets/lib (one file per source module, lit external,
 *   each element's define.js importable on its own; `tsc -p widgets/tsconfig.json` adds the .d.ts files);
 * - `v1`: the self-contained bundle the CMS serves at /widgets/v1/widgets.js, Lit included, in one file: one
 *   gzip stream is about 1 kB smaller than an entry plus a lazy chunk, and a page still holding an older entry
 *   (it may be served stale for a day) can never ask for a chunk that a release removed.
 * - `v1_hydrate`: the same with Lit's hydration support loaded first, at /widgets/v1/widgets-hydrate.js, for pages
 *   carrying server-rendered elements (widgets/ssr); built on its own so it, too, is one self-contained file.
 * - `ssr`: the server renderer (widgets/ssr/render.ts) for Node in dist/widgets/ssr/render.js, lit and the SSR packages
 *   external. It carries the elements' templates minified exactly like the bundles: hydration matches each server-
 *   rendered template to the client's by a digest of its strings, so a server rendering from the sources would not
 *   hydrate with widgets-hydrate.js.
 * All use library mode, which also keeps Vite's preload helper out.
 * Only static `properties` are used (no decorators), so Oxc's TS transform needs nothing special.
 */
/**
 * Minifies the static text of Lit's css`` and html`` templates (Oxc leaves template contents alone):
 * CSS loses comments and spaces around punctuation, HTML loses line breaks and indentation (between
 * tags entirely). Worth ~0.6 kB gzip on the self-contained bundle. Runs after the TS transform, on JS.
 */
function minifyLitTemplates(): Plugin {
  type Node = { type: string; start: number; end: number; [k: string]: unknown }
  const cssText = (s: string) =>
    s
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .replace(/([ :(,])0\./g, '$1.')
  // Line breaks between tags (and between a tag and a binding) only separate flex/grid items here;
  // a space written on one line is kept (it can be a line-break opportunity in text).
  const htmlText = (s: string) =>
    s
      .replace(/>\s*\n\s*</g, '><')
      .replace(/^\s*\n\s*</, '<')
      .replace(/>\s*\n\s*$/, '>')
      .replace(/\s*\n\s*/g, ' ')
  return {
    name: 'minify-lit-templates',
    // The server build too: hydration needs the very template strings the bundles carry (their digests must match).
    applyToEnvironment: (env) => env.name.startsWith('v1') || env.name === 'ssr',
    transform(code, id) {
      if (!/\/widgets\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return
      const edits: [number, number, string][] = []
      const visit = (n: unknown): void => {
        if (!n || typeof n !== 'object') return
        if (Array.isArray(n)) return n.forEach(visit)
        const node = n as Node
        if (node.type === 'TaggedTemplateExpression') {
          const tag = (node.tag as Node & { name?: string }).name
          const quasis = (node.quasi as Node & { quasis: Node[] }).quasis
          const fn = tag === 'css' ? cssText : tag === 'html' ? htmlText : undefined
          if (fn) for (const q of quasis) edits.push([q.start, q.end, fn(code.slice(q.start, q.end))])
        }
        for (const k in node) if (k !== 'type' && k !== 'start' && k !== 'end') visit(node[k])
      }
      visit(this.parse(code))
      let out = code
      for (const [a, b, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + text + out.slice(b)
      return { code: out, map: null }
    },
  }
}

const external = /^(lit|lit-html|lit-element)($|\/)|^@lit\//

export default defineConfig({
  publicDir: false,
  plugins: [minifyLitTemplates(), slimLitSsrSupport('v1_hydrate'), litErrorText(['v1', 'v1_hydrate']), precompress('v1'), precompress('v1_hydrate')],
  builder: {
    // Only the two environments below; the default `client` one would look for an index.html.
    async buildApp(builder) {
      await builder.build(builder.environments.lib)
      await builder.build(builder.environments.v1)
      await builder.build(builder.environments.v1_hydrate)
      await builder.build(builder.environments.ssr)
    },
  },
  environments: {
    lib: {
      consumer: 'client',
      build: {
        outDir: 'dist/widgets/lib',
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: {
            index: 'widgets/index.ts',
            'region-picker/define': 'widgets/region-picker/define.ts',
            'article-list/define': 'widgets/article-list/define.ts',
            'article-card/define': 'widgets/article-card/define.ts',
            'article-view/define': 'widgets/article-view/define.ts',
          },
          formats: ['es'],
        },
        rolldownOptions: {
          external,
          output: {
            preserveModules: true,
            preserveModulesRoot: 'widgets',
            entryFileNames: '[name].js',
          },
        },
      },
    },
    v1: {
      consumer: 'client',
      build: {
        outDir: 'dist/widgets/v1',
        emptyOutDir: true,
        minify: true,
        lib: {
          entry: { widgets: 'widgets/index.ts' },
          formats: ['es'],
        },
        rolldownOptions: {
          output: {
            entryFileNames: '[name].js',
            // Library mode keeps whitespace and comments for downstream bundlers; this file is final.
            minify: true,
            comments: false,
          },
        },
      },
    },
    ssr: {
      consumer: 'server',
      build: {
        outDir: 'dist/widgets/ssr',
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: { render: 'widgets/ssr/render.ts' },
          formats: ['es'],
        },
        rolldownOptions: {
          external: [external, /^@lit-labs\//, 'sanitize-html'],
          output: { entryFileNames: '[name].js' },
        },
      },
    },
    v1_hydrate: {
      consumer: 'client',
      build: {
        outDir: 'dist/widgets/v1',
        // Beside widgets.js, which the v1 build just wrote.
        emptyOutDir: false,
        minify: true,
        lib: {
          entry: { 'widgets-hydrate': 'widgets/hydrate.ts' },
          formats: ['es'],
        },
        rolldownOptions: {
          output: {
            entryFileNames: '[name].js',
            minify: true,
            comments: false,
          },
        },
      },
    },
  },
})
