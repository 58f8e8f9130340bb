import type { CollectionConfig } from 'payload'

export interface RegionsCollectionArgs {
  slug: string
  access: CollectionConfig['access']
  hooks?: CollectionConfig['hooks']
  /** Import-map path of the list's province filter (above the table); only Payload's own filters without it. */
  provinceFilter?: string
}

const sixDigitCode = (value: unknown) =>
  typeof value === 'string' && /^\d{6}$/.test(value) ? true : 'GB/T 2260 code: 6 digits'

/** China's administrative divisions: provinces (incl. municipalities and SARs) and their cities. */
export const createRegionsCollection = ({ slug, access, hooks, provinceFilter }: RegionsCollectionArgs): CollectionConfig => ({
  slug,
  labels: { singular: { zh: '地区', en: 'Region' }, plural: { zh: '地区', en: 'Regions' } },
  access,
  hooks,
  admin: {
    useAsTitle: 'name',
    group: { zh: '区域新闻', en: 'Regional news' },
    defaultColumns: ['name', 'code', 'level', 'parent', 'hot', 'active'],
    listSearchableFields: ['name', 'shortName', 'pinyin', 'initials', 'code'],
    // One page holds any province's cities (新疆 has the most, 26).
    pagination: { defaultLimit: 50, limits: [50, 100, 200] },
    description: { zh: '省级与地级行政区划（GB/T 2260）', en: 'Provincial and prefecture-level divisions (GB/T 2260)' },
    ...(provinceFilter ? { components: { beforeListTable: [provinceFilter] } } : {}),
  },
  defaultSort: 'code',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { zh: '名称', en: 'Name' } },
    { name: 'shortName', type: 'text', localized: true, label: { zh: '简称', en: 'Short name' } },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: sixDigitCode,
      label: { zh: '区划代码', en: 'Division code' },
    },
    {
      name: 'level',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'province', label: { zh: '省级', en: 'Province' } },
        { value: 'city', label: { zh: '地级', en: 'City' } },
      ],
      label: { zh: '级别', en: 'Level' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: slug,
      index: true,
      filterOptions: { level: { equals: 'province' } },
      admin: { condition: (data) => data?.level === 'city' },
      label: { zh: '上级', en: 'Parent' },
    },
    {
      type: 'row',
      fields: [
        { name: 'pinyin', type: 'text', index: true, label: { zh: '拼音', en: 'Pinyin' } },
        {
          name: 'initials',
          type: 'text',
          index: true,
          label: { zh: '首字母缩写', en: 'Initials' },
          admin: { description: { zh: '留空则取拼音首字母；选择器按此检索', en: 'Empty: from the pinyin. The picker searches by it' } },
        },
        {
          name: 'letter',
          type: 'text',
          maxLength: 1,
          label: { zh: '分组字母', en: 'Group letter' },
          // The picker groups provinces by letter and lists cities under their province.
          admin: {
            condition: (data) => data?.level === 'province',
            description: { zh: '留空则取拼音首字母', en: 'Empty: the first letter of the pinyin' },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'latitude', type: 'number', min: -90, max: 90, label: { zh: '纬度', en: 'Latitude' } },
        { name: 'longitude', type: 'number', min: -180, max: 180, label: { zh: '经度', en: 'Longitude' } },
      ],
    },
    { name: 'phone', type: 'text', maxLength: 40, label: { zh: '联系电话', en: 'Contact phone' } },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      admin: { position: 'sidebar' },
      label: { zh: '排序', en: 'Display order' },
    },
    {
      name: 'hot',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar' },
      label: { zh: '热门', en: 'Hot' },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      admin: { position: 'sidebar' },
      label: { zh: '启用', en: 'Active' },
    },
  ],
  timestamps: true,
})
