import type { TaskStatus } from '@lit/task'
import type { ReactiveControllerHost } from 'lit'
import type { Messages } from '../i18n/messages.js'
import type { RememberedRegion } from './recent-regions.js'
import type { RegionEntry, RegionLevel, RegionModel } from './region-model.js'

/**
 * What the panel needs from the element that shows it. The panel depends on this, not on the picker class, so the
 * picker (which makes the panel) and the panel do not import each other.
 */
export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment
  readonly open: boolean
  /** Code of the current choice ('' for none). */
  readonly value: string
  readonly level: RegionLevel
  /** Coordinates the host page gave (for the nearest city), and whether to ask the browser. */
  readonly latitude?: number
  readonly longitude?: number
  readonly locate: boolean
  readonly recent: RememberedRegion[]
  readonly t: Messages
  /** The loaded tree at the current level; undefined until it arrives. */
  readonly model?: RegionModel
  /** Loading of the tree. */
  readonly data: { readonly status: TaskStatus; readonly error: unknown; run(): unknown }
  hide(focusTrigger?: boolean): void
  choose(entry: RegionEntry): void
}
