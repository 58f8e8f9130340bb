// Small builders for Payload Lexical rich text (SerializedEditorState), used by the demo content.
// Shapes follow what the installed lexical nodes' exportJSON() produce, so the admin editor loads them unchanged.
import type {
  DefaultTypedEditorState,
  SerializedHeadingNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedQuoteNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'

export type BlockNode = SerializedParagraphNode | SerializedHeadingNode | SerializedQuoteNode | SerializedListNode
type Inline = string | SerializedTextNode

// Lexical's text format bit flags.
const BOLD = 1

export const text = (value: string, format = 0): SerializedTextNode => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

export const bold = (value: string) => text(value, BOLD)

const inline = (parts: Inline[]) => parts.map((part) => (typeof part === 'string' ? text(part) : part))

const element = { direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 }

export const p = (...parts: Inline[]): SerializedParagraphNode => {
  const children = inline(parts)
  // A paragraph records its first text node's format (lexical's backwards-compatible export).
  return { type: 'paragraph', children, ...element, textFormat: children[0]?.format ?? 0, textStyle: '' } as SerializedParagraphNode
}

const heading =
  (tag: 'h2' | 'h3') =>
  (...parts: Inline[]): SerializedHeadingNode =>
    ({ type: 'heading', tag, children: inline(parts), ...element }) as SerializedHeadingNode

export const h2 = heading('h2')
export const h3 = heading('h3')

export const quote = (...parts: Inline[]): SerializedQuoteNode =>
  ({ type: 'quote', children: inline(parts), ...element }) as SerializedQuoteNode

const list =
  (listType: 'bullet' | 'number') =>
  (items: Inline[]): SerializedListNode =>
    ({
      type: 'list',
      listType,
      tag: listType === 'bullet' ? 'ul' : 'ol',
      start: 1,
      children: items.map(
        // `checked` only exists on check lists; lexical's type marks it required, its JSON omits it.
        (item, index) => ({ type: 'listitem', value: index + 1, children: inline([item]), ...element }) as unknown as SerializedListItemNode,
      ),
      ...element,
    }) as SerializedListNode

export const ul = list('bullet')
export const ol = list('number')

export const doc = (...children: BlockNode[]): DefaultTypedEditorState =>
  ({ root: { type: 'root', children, ...element } }) as DefaultTypedEditorState
