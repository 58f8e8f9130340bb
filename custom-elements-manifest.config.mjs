/**
 * Custom-elements manifest for the widgets, from their JSDoc (@summary, @attr, @prop, @event, @slot,
 * @csspart, @cssproperty): `npx cem analyze --config custom-elements-manifest.config.mjs`
 * writes dist/widgets/custom-elements.json.
 */

// Lit `state: true` fields are internal, but the analyzer lists them as attributes too.
const INTERNAL = new Set(['formDisabled', 'coverStarted', 'viewCount', 'panel', 'views', 'items', 'articles', 'categories', 'data', 'recent'])

const dropInternal = () => ({
  name: 'drop-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules)
      for (const d of mod.declarations ?? []) {
        if (d.attributes) d.attributes = d.attributes.filter((a) => !INTERNAL.has(a.fieldName ?? a.name))
        if (d.members) d.members = d.members.filter((m) => !INTERNAL.has(m.name))
      }
  },
})

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.d.ts'],
  outdir: 'dist/widgets',
  litelement: true,
  packagejson: false,
  dependencies: false,
  plugins: [dropInternal()],
}
