import { isServer } from 'lit'

/**
 * Data a server render embedded in an element as a `<script type="application/json">` child, so the
 * element shows (and hydrates) what the server showed without fetching it again. Undefined when absent or malformed.
 */
export function readEmbedded<T>(host: Element, check: (d: T) => unknown): T | undefined {
  if (isServer) return undefined
  const script = host.querySelector(':scope > script[type="application/json"]')
  if (!script) return undefined
  try {
    const data = JSON.parse(script.textContent ?? '') as T
    return data && typeof data === 'object' && check(data) ? data : undefined
  } catch {
    return undefined
  }
}
