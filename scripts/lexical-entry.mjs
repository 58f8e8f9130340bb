// Preload (`node --import ./scripts/lexical-entry.mjs`): resolves `lexical` and `@lexical/*` to their plain
// development or production builds (by NODE_ENV), never to their `node` entry. That entry is only a wrapper whose
// top-level await imports the same build; on Node 20 a graph with those wrappers (the one
// @payloadcms/richtext-lexical loads) sometimes never finishes evaluating, and the process exits 13 silently.
import { register } from 'node:module'

register('./lexical-entry-hooks.mjs', import.meta.url)
