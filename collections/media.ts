import type { CollectionConfig } from 'payload'

export interface MediaCollectionArgs {
  slug: string
  access: CollectionConfig['access']
  hooks?: CollectionConfig['hooks']
}

const WEBP = { format: 'webp', options: { quality: 75 } } as const

/**
 * Images with sizes for cards (thumb, card) and article pages (hero). `card` is 800 wide so that a phone (a full-width
 * card, ~390 CSS px at 2x) picks it rather than the 1280 hero: half the bytes on the slowest links.
 */
export const createMediaCollection = ({ slug, access, hooks }: MediaCollectionArgs): CollectionConfig => ({
  slug,
  labels: { singular: { zh: '图片', en: 'Image' }, plural: { zh: '图片', en: 'Images' } },
  access,
  hooks,
  admin: {
    useAsTitle: 'alt',
    group: { zh: '区域新闻', en: 'Regional news' },
    defaultColumns: ['filename', 'alt', 'usedByPublished', 'updatedAt'],
  },
  upload: {
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'],
    // Sizes are WebP (every current browser): under half the bytes of the same JPEG, which on a slow link is most of
    // the time to the largest paint. The uploaded original stays as it came (link previews fetch it).
    imageSizes: [
      { name: 'thumb', width: 320, height: 200, position: 'centre', formatOptions: WEBP },
      { name: 'card', width: 800, height: 500, position: 'centre', formatOptions: WEBP },
      { name: 'hero', width: 1280, height: 720, position: 'centre', formatOptions: WEBP },
    ],
    adminThumbnail: 'thumb',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', required: true, localized: true, maxLength: 300, label: { zh: '替代文字', en: 'Alt text' } },
    // Maintained by article hooks: anonymous readers may load a file only while a published article uses it.
    {
      name: 'usedByPublished',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
      label: { zh: '已用于发布的文章', en: 'Used by published content' },
    },
  ],
})
