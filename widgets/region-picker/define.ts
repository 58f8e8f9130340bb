import { RegionPicker } from './region-picker.js'

export { RegionPicker }
export type { RegionChangeDetail, RegionChangeEvent } from './region-picker.js'

// Harmless when the bundle is loaded twice or the host registered the class itself.
if (!customElements.get('region-picker')) customElements.define('region-picker', RegionPicker)

declare global {
  interface HTMLElementTagNameMap {
    'region-picker': RegionPicker
  }
}
