/**
 * JSON Feed (https://jsonfeed.org/version/1.1) as a JSON Schema: the top-level and item fields the spec requires,
 * with their types, for ajv. Written from the specification's field list.
 */
export const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { type: 'string', enum: ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'] },
    title: { type: 'string', minLength: 1 },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    language: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          authors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
          author: { type: 'object', properties: { name: { type: 'string' } } },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const
