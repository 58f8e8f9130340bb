import { pinyin } from 'pinyin-pro'

/** URL-safe slug for any title: Chinese characters become pinyin syllables, everything else ASCII-folded. */
export const slugify = (text: string, maxLength = 80): string => {
  const romanized = /[\u3400-\u9fff]/.test(text)
    ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ')
    : text
  const slug = romanized
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
  return slug || 'article'
}
