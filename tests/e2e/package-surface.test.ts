/**
 * What the package offers besides the running CMS, as the build leaves it: every `exports` target exists,
 * the custom-elements manifest documents the four elements (and none of their internal state), and the
 * type declarations map each tag. Needs `npm run build` (CI builds before testing).
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const BUILT = existsSync('dist/widgets/custom-elements.json')

interface Declaration {
  tagName?: string
  attributes?: { name: string }[]
  events?: { name: string }[]
  cssParts?: { name: string }[]
  cssProperties?: { name: string }[]
  members?: { name: string }[]
}

describe.skipIf(!BUILT)('package surface', () => {
  it('every exports target exists', () => {
    const targets: string[] = []
    for (const [key, value] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>))
      for (const target of typeof value === 'string' ? [value] : Object.values(value))
        // A pattern export: check it for one element.
        targets.push(key.endsWith('*') ? target.replace('*', 'region-picker/define') : target)
    for (const target of targets) expect(existsSync(target), target).toBe(true)
    expect(existsSync(pkg.customElements)).toBe(true)
  })

  it('the manifest documents each element from its JSDoc, without internal state', () => {
    const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'))
    const elements = new Map<string, Declaration>()
    for (const mod of manifest.modules) for (const d of (mod.declarations ?? []) as Declaration[]) if (d.tagName) elements.set(d.tagName, d)
    expect([...elements.keys()].sort()).toEqual(['article-card', 'article-list', 'article-view', 'region-picker'])
    const names = (list?: { name: string }[]) => (list ?? []).map((x) => x.name)
    const picker = elements.get('region-picker')!
    expect(names(picker.attributes)).toEqual(expect.arrayContaining(['api', 'level', 'value', 'name', 'required', 'disabled', 'no-remember']))
    expect(names(picker.events)).toContain('change')
    expect(names(picker.cssParts)).toEqual(expect.arrayContaining(['trigger', 'panel', 'option', 'search']))
    expect(names(picker.cssProperties)).toContain('--news-accent')
    expect(names(elements.get('article-list')!.attributes)).toEqual(expect.arrayContaining(['category', 'region', 'region-source', 'page-size', 'paging', 'tabs', 'href', 'sort']))
    for (const [tag, d] of elements) {
      expect(names(d.cssParts).length, tag).toBeGreaterThan(0)
      for (const internal of ['formDisabled', 'coverStarted', 'panel', 'items']) {
        expect(names(d.attributes), `${tag} attribute ${internal}`).not.toContain(internal)
        expect(names(d.members), `${tag} member ${internal}`).not.toContain(internal)
      }
    }
  })

  it('type declarations map every tag to its class', () => {
    for (const [tag, dir] of [['region-picker', 'region-picker'], ['article-list', 'article-list'], ['article-card', 'article-card'], ['article-view', 'article-view']]) {
      const dts = readFileSync(`dist/widgets/types/widgets/${dir}/define.d.ts`, 'utf8')
      expect(dts).toMatch(/interface HTMLElementTagNameMap/)
      expect(dts).toContain(`'${tag}'`)
    }
  })
})
