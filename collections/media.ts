import type { CollectionConfig } from 'payload'

export interface MediaCollectionArgs {
  slug: string
  access: CollectionConfig['access']
  hooks?: CollectionConfig['hooks']
}

/** Images with sizes for cards (thumb, card) and article pages (hero). */
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
    imageSizes: [
      { name: 'thumb', width: 320, height: 200, position: 'centre' },
      { name: 'card', width: 640, height: 400, position: 'centre' },
      { name: 'hero', width: 1280, height: 720, position: 'centre' },
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
