import { quote, HttpError } from '../../plugin/http/http-error'
import { strictDecode } from './unicode-hygiene'

/** A parsed query: strings, nested objects (`a[b]=`) and arrays (`a[0]=`, `a[]=`, repeated keys). */
export type QueryValue = string | QueryValue[] | QueryObject
export interface QueryObject {
  [key: string]: QueryValue
}

export const MAX_PARAMETERS = 200
// Payload parses with qs (depth 10, arrayLimit 1000): deeper keys or larger indices would mean something else there.
const MAX_BRACKETS = 10
const MAX_INDEX = 999
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype))
const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/

const splitKey = (key: string): string[] => {
  const match = KEY.exec(key)
  if (!match) throw new HttpError(400, `Malformed parameter name ${quote(key)}`)
  const brackets = match[2]!.match(/\[[^[\]]*\]/g) ?? []
  if (brackets.length > MAX_BRACKETS) throw new HttpError(400, `Parameter ${quote(match[1]!)} is nested too deeply`)
  const parts = [match[1]!, ...brackets.map((b) => b.slice(1, -1))]
  for (const part of parts) if (RESERVED.has(part)) throw new HttpError(400, `Reserved parameter name ${quote(part)}`)
  if (parts.slice(0, -1).includes('')) throw new HttpError(400, `"[]" may only end a parameter name (${quote(key)})`)
  return parts
}

type Node = { kind: 'leaf'; values: string[] } | { kind: 'branch'; children: Map<string, Node>; pushes: number }

const branch = (): Node => ({ kind: 'branch', children: new Map(), pushes: 0 })

const insert = (root: Node & { kind: 'branch' }, parts: string[], value: string, key: string) => {
  let node: Node = root
  for (let i = 0; i < parts.length; i++) {
    if (node.kind !== 'branch') throw new HttpError(400, `Parameter ${quote(key)} is both a value and an object`)
    const last = i === parts.length - 1
    let part = parts[i]!
    if (part === '') part = String(node.pushes++) // "a[]" appends
    let child: Node | undefined = node.children.get(part)
    if (!child) {
      child = last ? { kind: 'leaf', values: [] } : branch()
      node.children.set(part, child)
    }
    if (last) {
      if (child.kind !== 'leaf') throw new HttpError(400, `Parameter ${quote(key)} is both a value and an object`)
      child.values.push(value)
    }
    node = child
  }
}

const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key)

const build = (node: Node, name: string): QueryValue => {
  if (node.kind === 'leaf') return node.values.length === 1 ? node.values[0]! : node.values
  const keys = [...node.children.keys()]
  const indices = keys.filter(isIndex)
  if (indices.length && indices.length !== keys.length) throw new HttpError(400, `${quote(name)} mixes list indices and names`)
  if (indices.length) {
    if (indices.some((i) => Number(i) > MAX_INDEX)) throw new HttpError(400, `${quote(name)} has a list index above ${MAX_INDEX}`)
    // qs compacts sparse indices into a list in index order.
    return indices.sort((a, b) => Number(a) - Number(b)).map((i) => build(node.children.get(i)!, name))
  }
  const out: QueryObject = {}
  for (const key of keys) out[key] = build(node.children.get(key)!, key)
  return out
}

/**
 * Parses a query string the way Payload's qs does for every input it accepts, and refuses what qs would read
 * differently or loosely: invalid percent-encoding, control characters, keys nested too deep, mixed shapes.
 */
export const parseBracketQuery = (search: string): QueryObject => {
  const root = branch() as Node & { kind: 'branch' }
  const pairs = search.split('&').filter(Boolean)
  if (pairs.length > MAX_PARAMETERS) throw new HttpError(400, `More than ${MAX_PARAMETERS} query parameters`)
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const key = strictDecode(rawKey.replace(/\+/g, ' '), 'Query parameter name')
    const value = strictDecode(rawValue.replace(/\+/g, ' '), `Query parameter ${quote(key)}`)
    insert(root, splitKey(key), value, key)
  }
  return build(root, 'query') as QueryObject
}
