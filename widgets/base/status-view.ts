import { css, html } from 'lit'
import { ApiError } from '../api/client.js'
import type { Messages } from '../i18n/messages.js'

/** The translated sentence for a failed request. */
export function errorText(t: Messages, e: unknown): string {
  const err = e instanceof ApiError ? e : new ApiError('network')
  return err.kind === 'http' ? (err.status === 404 ? t.notFound : `${t.http} (${err.status})`) : t[err.kind]
}

/** Error state shared by every widget: a live message and a retry button. */
export const errorView = (t: Messages, e: unknown, retry: () => void) => html`
  <div part="error" class="error" role="alert">
    <span>${errorText(t, e)}</span>
    <button part="retry" type="button" @click=${retry}>${t.retry}</button>
  </div>
`

export const statusStyles = css`
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  .error button {
    padding: 0.3em 1em;
    border: 1px solid;
    border-radius: 9em;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .skel {
    background: var(--_surface);
    border-radius: var(--_radius);
    animation: pulse 1.2s infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`
