/**
 * Whether a Lexical body has nodes Payload populates on read (uploads, relationships, internal links): only those
 * bodies need Payload's own read (depth 1, access-checked); every other body converts as stored.
 */
export const bodyNeedsPopulation = (body: unknown): boolean => {
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const n = node as { type?: string; fields?: { linkType?: string; doc?: unknown }; children?: unknown[]; root?: unknown }
    if (n.type === 'upload' || n.type === 'relationship') return true
    if (n.fields && (n.fields.linkType === 'internal' || n.fields.doc)) return true
    if (n.root && walk(n.root)) return true
    return Array.isArray(n.children) && n.children.some(walk)
  }
  return walk(body)
}
