import type { CollectionConfig, FieldHook } from 'payload'

export interface ArticlesCollectionArgs {
  slug: string
  categoriesSlug: string
  regionsSlug: string
  mediaSlug: string
  access: CollectionConfig['access']
  hooks?: CollectionConfig['hooks']
  /** Reads the article's view count (kept outside the versioned article). */
  readViews: FieldHook
  /** Import-map path of the regions field's component (search by 汉字/pinyin/initials); Payload's default without it. */
  regionField?: string
}

/** News articles: localized, drafts with versions and scheduled publishing. */
export const createArticlesCollection = (args: ArticlesCollectionArgs): CollectionConfig => ({
  slug: args.slug,
  labels: { singular: { zh: '文章', en: 'Article' }, plural: { zh: '文章', en: 'Articles' } },
  access: args.access,
  hooks: args.hooks,
  admin: {
    useAsTitle: 'title',
    group: { zh: '区域新闻', en: 'Regional news' },
    defaultColumns: ['title', 'category', 'regions', 'publishedAt', '_status', 'featured'],
    listSearchableFields: ['title', 'slug', 'author'],
  },
  defaultSort: '-publishedAt',
  // The public list filters by status (always), category and region and sorts by date or featured-then-date:
  // these let each page and each count read an index range instead of every article in the category.
  indexes: [
    { fields: ['category', '_status', 'publishedAt'] },
    { fields: ['category', '_status', 'featured', 'publishedAt'] },
    // The list's nationwide part walks these by date (the tagged part starts from the rels rows).
    { fields: ['category', '_status', 'nationwide', 'publishedAt'] },
    { fields: ['_status', 'publishedAt'] },
    { fields: ['_status', 'featured', 'publishedAt'] },
    { fields: ['_status', 'nationwide', 'publishedAt'] },
  ],
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, index: true, maxLength: 200, label: { zh: '标题', en: 'Title' } },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      maxLength: 120,
      admin: { position: 'sidebar', description: { zh: '留空则根据标题生成', en: 'Generated from the title when empty' } },
      label: { zh: '别名', en: 'Slug' },
    },
    {
      name: 'excerpt',
      type: 'textarea',
      localized: true,
      maxLength: 500,
      admin: { description: { zh: '留空则取正文开头', en: 'Taken from the start of the body when empty' } },
      label: { zh: '摘要', en: 'Excerpt' },
    },
    { name: 'cover', type: 'upload', relationTo: args.mediaSlug, label: { zh: '封面图', en: 'Cover image' } },
    // The editor is the host's (`config.editor`, Lexical: the public API converts the body to HTML with Lexical's converters).
    { name: 'body', type: 'richText', localized: true, label: { zh: '正文', en: 'Body' } },
    {
      name: 'credits',
      type: 'array',
      labels: { singular: { zh: '署名', en: 'Credit' }, plural: { zh: '署名', en: 'Credits' } },
      label: { zh: '来源与署名', en: 'Source and credits' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, localized: true, label: { zh: '项目', en: 'Label' } },
            { name: 'value', type: 'text', required: true, label: { zh: '内容', en: 'Value' } },
          ],
        },
      ],
    },
    {
      name: 'author',
      type: 'text',
      maxLength: 80,
      admin: { position: 'sidebar' },
      label: { zh: '作者', en: 'Author' },
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: args.categoriesSlug,
      required: true,
      index: true,
      admin: { position: 'sidebar' },
      label: { zh: '分类', en: 'Category' },
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: args.regionsSlug,
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: { zh: '不选表示全国', en: 'None means nationwide' },
        ...(args.regionField ? { components: { Field: args.regionField } } : {}),
      },
      label: { zh: '地区', en: 'Regions' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: { zh: '首次发布时自动设置', en: 'Set at first publish' },
      },
      label: { zh: '发布时间', en: 'Publish date' },
    },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar' },
      label: { zh: '焦点', en: 'Featured' },
    },
    {
      name: 'views',
      type: 'number',
      virtual: true,
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
      hooks: { afterRead: [args.readViews] },
      label: { zh: '阅读量', en: 'Views' },
    },
    // Derived on save: lets the public list filter "nationwide" with an index instead of an empty-relation scan.
    {
      name: 'nationwide',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      admin: { hidden: true },
    },
    // Derived on save: every image the article shows (cover + body), so media access can follow publication.
    {
      name: 'mediaRefs',
      type: 'relationship',
      relationTo: args.mediaSlug,
      hasMany: true,
      admin: { hidden: true },
    },
  ],
})
