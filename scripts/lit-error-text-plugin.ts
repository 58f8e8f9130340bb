import type { Plugin } from 'vite'

type Node = { type: string; start: number; end: number; [k: string]: any }

const LIT = /\/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//
/** The end of a message's first clause: a period followed by a space and a capital, or a colon before a detail. */
const SENTENCE_END = /\.(?= [A-Z])|:(?= )/
/** Where the kept text ends: after a period, before a colon. */
const clauseEnd = (m: RegExpExecArray) => m.index + (m[0] === '.' ? 1 : 0)

/**
 * Lit's production builds keep a few long developer messages in thrown errors (e.g. "Hydration value mismatch:
 * Primitive found where TemplateResult expected. This usually occurs due to …"). The bundles keep each message's
 * first clause, which names the fault, and drop the advice or detail after it: ~0.1 kB gzip. Only the text of `Error(…)`
 * arguments in Lit's own modules changes; what is thrown, and when, does not.
 */
export function litErrorText(environments: string[]): Plugin {
  return {
    name: 'lit-error-text',
    applyToEnvironment: (env) => environments.includes(env.name),
    transform(code, id) {
      if (!LIT.test(id) || !code.includes('Error(')) return
      const edits: [number, number, string][] = []
      const cut = (arg: Node) => {
        if (arg.type === 'Literal' && typeof arg.value === 'string') {
          const m = SENTENCE_END.exec(arg.value)
          if (m) edits.push([arg.start, arg.end, JSON.stringify(arg.value.slice(0, clauseEnd(m)))])
        } else if (arg.type === 'TemplateLiteral') {
          const i = arg.quasis.findIndex((q: Node) => SENTENCE_END.test(q.value.raw))
          if (i < 0) return
          const raw: string = arg.quasis[i].value.raw
          const kept = code.slice(arg.start, arg.quasis[i].start) + raw.slice(0, clauseEnd(SENTENCE_END.exec(raw)!)) + '`'
          edits.push([arg.start, arg.end, kept])
        } else if (arg.type === 'BinaryExpression' && arg.operator === '+') {
          cut(arg.left)
          cut(arg.right)
        }
      }
      const visit = (n: unknown): void => {
        if (!n || typeof n !== 'object') return
        if (Array.isArray(n)) return n.forEach(visit)
        const node = n as Node
        if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee?.type === 'Identifier' && node.callee.name === 'Error' && node.arguments[0])
          cut(node.arguments[0])
        for (const k in node) if (k !== 'type' && k !== 'start' && k !== 'end') visit(node[k])
      }
      visit(this.parse(code))
      if (!edits.length) return
      let out = code
      for (const [a, b, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + text + out.slice(b)
      return { code: out, map: null }
    },
  }
}
