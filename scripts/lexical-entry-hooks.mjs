// Resolve hook registered by lexical-entry.mjs. Only Lexical's packages get the extra condition: others
// (micromark, lit, emotion…) keep their usual entries.
const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'

export const resolve = (specifier, context, nextResolve) =>
  specifier === 'lexical' || specifier.startsWith('@lexical/')
    ? nextResolve(specifier, { ...context, conditions: [condition, ...context.conditions] })
    : nextResolve(specifier, context)
