/** Admin strings of the plugin beyond field labels (which carry their own zh/en labels). */
export const translations = {
  zh: {
    regionalNews: {
      group: '区域新闻',
      nationwide: '全国',
      viewsHelp: '阅读量单独存储，发布或恢复版本不会改变它',
    },
  },
  en: {
    regionalNews: {
      group: 'Regional news',
      nationwide: 'Nationwide',
      viewsHelp: 'Stored separately: publishing or restoring a version never changes it',
    },
  },
}
