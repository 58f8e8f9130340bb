import type { CollectionConfig } from 'payload'

export interface CategoriesCollectionArgs {
  slug: string
  access: CollectionConfig['access']
  hooks?: CollectionConfig['hooks']
}

const urlSlug = (value: unknown) =>
  typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : 'lower-case letters, digits and hyphens'

/** Article categories. "All" is the unfiltered view, never a stored category. */
export const createCategoriesCollection = ({ slug, access, hooks }: CategoriesCollectionArgs): CollectionConfig => ({
  slug,
  labels: { singular: { zh: '分类', en: 'Category' }, plural: { zh: '分类', en: 'Categories' } },
  access,
  hooks,
  admin: {
    useAsTitle: 'name',
    group: { zh: '区域新闻', en: 'Regional news' },
    defaultColumns: ['name', 'slug', 'order'],
  },
  defaultSort: 'order',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: urlSlug,
      label: { zh: '别名', en: 'Slug' },
    },
    { name: 'description', type: 'textarea', localized: true, label: { zh: '描述', en: 'Description' } },
    { name: 'order', type: 'number', defaultValue: 0, index: true, label: { zh: '排序', en: 'Order' } },
  ],
})
