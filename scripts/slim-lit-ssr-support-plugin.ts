import type { Plugin } from 'vite'

type Node = { type: string; start: number; end: number; [k: string]: any }

const SUPPORT = /\/lit-html\/private-ssr-support\.js$/
const HYDRATE = /\/@lit-labs\/ssr-client\/lib\/hydrate-lit-html\.js$/

function walk(node: unknown, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit))
  const n = node as Node
  if (typeof n.type === 'string') visit(n)
  for (const k in n) if (k !== 'type' && k !== 'start' && k !== 'end') walk(n[k], visit)
}

/**
 * Lit's private SSR object (`_$LH` of lit-html/private-ssr-support.js) holds what both the server renderer and
 * client hydration use. In a browser bundle only @lit-labs/ssr-client's hydrate-lit-html.js reads it, and only the
 * keys it destructures; the bundler keeps object literals whole, so the server-only helpers (and their error text)
 * would ship. This drops the keys nobody reads: ~0.3 kB gzip off widgets-hydrate.js. The build fails rather than
 * guess when the packages' shape changes or anything else imports the object.
 */
export function slimLitSsrSupport(environment: string): Plugin {
  let used: Set<string> | undefined
  let supportId: string | undefined
  let hydrateId: string | undefined
  return {
    name: 'slim-lit-ssr-support',
    applyToEnvironment: (env) => env.name === environment,
    transform(code, id) {
      if (HYDRATE.test(id)) {
        hydrateId = id
        const imported = new Set<string>()
        walk(this.parse(code), (n) => {
          if (n.type === 'ImportDeclaration' && /private-ssr-support\.js$/.test(n.source.value))
            for (const s of n.specifiers) if (s.imported?.name === '_$LH') imported.add(s.local.name)
        })
        const [local] = imported
        if (imported.size !== 1) this.error('hydrate-lit-html.js no longer imports _$LH once')
        // Read by one destructuring at the top of the module. (Minified code reuses the name in inner scopes, so a
        // missing key would show only at run time: the hydration tests cover that.)
        const program = this.parse(code) as unknown as { body: Node[] }
        const patterns = program.body
          .filter((n) => n.type === 'VariableDeclaration')
          .flatMap((n) => n.declarations as Node[])
          .filter((d) => d.init?.type === 'Identifier' && d.init.name === local)
          .map((d) => d.id)
        if (patterns.length !== 1 || patterns[0]!.type !== 'ObjectPattern') this.error('hydrate-lit-html.js reads _$LH other than by one destructuring')
        used = new Set(patterns[0]!.properties.map((p: Node) => (p.key.type === 'Identifier' ? p.key.name : this.error('computed key'))))
        return
      }
      if (!SUPPORT.test(id)) return
      supportId = id
      if (!used) this.error('private-ssr-support.js is imported before (or without) hydrate-lit-html.js')
      const ast = this.parse(code)
      let local: string | undefined
      walk(ast, (n) => {
        if (n.type === 'ExportSpecifier' && n.exported.name === '_$LH') local = n.local.name
      })
      let object: Node | undefined
      walk(ast, (n) => {
        if (n.type === 'VariableDeclarator' && n.id.name === local && n.init?.type === 'ObjectExpression') object = n.init
      })
      if (!object) return this.error('private-ssr-support.js no longer exports _$LH as an object literal')
      const keep = object.properties.filter((p: Node) => p.type === 'Property' && !p.computed && used!.has(p.key.name))
      if (keep.length !== used!.size) this.error(`private-ssr-support.js lacks some of ${[...used!].join(', ')}`)
      const slim = `{${keep.map((p: Node) => code.slice(p.start, p.end)).join(',')}}`
      return { code: code.slice(0, object.start) + slim + code.slice(object.end), map: null }
    },
    buildEnd() {
      if (!supportId || !hydrateId) this.error('hydration support is not in this bundle any more: drop slimLitSsrSupport')
      const importers = this.getModuleInfo(supportId)?.importers ?? []
      if (importers.length !== 1 || importers[0] !== hydrateId)
        this.error(`_$LH is imported by ${importers.join(', ')}: it must not be slimmed`)
    },
  }
}
