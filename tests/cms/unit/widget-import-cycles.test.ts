// The widgets' modules import each other without cycles (type-only imports included: a cycle of types still ties
// two modules together). The panel, for one, knows its picker only through the PanelHost interface.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../widgets')

const modules = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))

/** Relative imports of a module, as paths under widgets/. */
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
    relative(root, resolve(root, dirname(file), m[1]!.replace(/\.js$/, '.ts'))),
  )

describe('widget modules', () => {
  it('import each other without cycles', () => {
    const graph = new Map(modules.map((f) => [f, importsOf(f)]))
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return
      if (state.get(f) === 'open') return void cycles.push([...path.slice(path.indexOf(f)), f].join(' → '))
      state.set(f, 'open')
      for (const to of graph.get(f) ?? []) visit(to, [...path, f])
      state.set(f, 'done')
    }
    for (const f of modules) visit(f, [])
    expect(cycles).toEqual([])
    expect(graph.get('region-picker/region-panel.ts')).toContain('region-picker/panel-host.ts')
  })
})
