'use client'
/** The plugin's client components, as the host's import map names them (`<componentsPath>/client#RegionField`). */
export { RegionField } from './region-field/RegionField'
export { EmbedNavLink } from './embed/EmbedNavLink'
export { EmbedPresetLink } from './embed/EmbedPresetLink'
