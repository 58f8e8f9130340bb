// Romanization overrides for scripts/build-regions.ts (build time only).
// Keys are SHORT names (广西, 延边, 神农架), the same strings the build derives.

/**
 * Syllables (lower-case, toneless, ü written as v) for place names whose reading
 * a general-purpose converter can get wrong: polyphonic characters (长 重 厦 六
 * 蚌 乐 亳 大 曲 藏 朝 宿 都 什 …) and official spellings such as 陕西 "shaan".
 * Pinned even where pinyin-pro is right today so a dictionary update cannot
 * silently change search keys; the build logs every disagreement.
 */
export const PINYIN_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  // provinces
  山西: ['shan', 'xi'],
  陕西: ['shaan', 'xi'], // official romanization keeps 陕西 distinct from 山西
  内蒙古: ['nei', 'meng', 'gu'],
  重庆: ['chong', 'qing'],
  西藏: ['xi', 'zang'],
  // 长 cháng
  长治: ['chang', 'zhi'],
  长春: ['chang', 'chun'],
  长沙: ['chang', 'sha'],
  // 大 dà (not dài)
  大同: ['da', 'tong'],
  大连: ['da', 'lian'],
  大庆: ['da', 'qing'],
  大兴安岭: ['da', 'xing', 'an', 'ling'],
  大理: ['da', 'li'],
  // single-city readings
  厦门: ['xia', 'men'],
  六安: ['lu', 'an'], // lù, not liù
  六盘水: ['liu', 'pan', 'shui'],
  蚌埠: ['beng', 'bu'],
  亳州: ['bo', 'zhou'],
  乐山: ['le', 'shan'],
  台州: ['tai', 'zhou'], // tāi, same letters as 泰州
  泰州: ['tai', 'zhou'],
  丽水: ['li', 'shui'],
  丽江: ['li', 'jiang'],
  东莞: ['dong', 'guan'],
  黄冈: ['huang', 'gang'],
  朝阳: ['chao', 'yang'], // cháo
  宿州: ['su', 'zhou'],
  宿迁: ['su', 'qian'],
  漯河: ['luo', 'he'],
  曲靖: ['qu', 'jing'],
  那曲: ['na', 'qu'],
  昌都: ['chang', 'du'], // pinyin-pro 3.29 says "dou"
  成都: ['cheng', 'du'],
  喀什: ['ka', 'shi'], // pinyin-pro 3.29 says "shen"
  日喀则: ['ri', 'ka', 'ze'],
  吐鲁番: ['tu', 'lu', 'fan'],
  百色: ['bai', 'se'],
  南充: ['nan', 'chong'],
  济南: ['ji', 'nan'],
  济宁: ['ji', 'ning'],
  济源: ['ji', 'yuan'],
  呼和浩特: ['hu', 'he', 'hao', 'te'],
  和田: ['he', 'tian'],
  石家庄: ['shi', 'jia', 'zhuang'],
  石嘴山: ['shi', 'zui', 'shan'],
  石河子: ['shi', 'he', 'zi'],
  北屯: ['bei', 'tun'],
  五家渠: ['wu', 'jia', 'qu'],
  巴彦淖尔: ['ba', 'yan', 'nao', 'er'],
  锡林郭勒: ['xi', 'lin', 'guo', 'le'],
  克孜勒苏: ['ke', 'zi', 'le', 'su'],
  阿坝: ['a', 'ba'],
  阿里: ['a', 'li'],
  阿拉善: ['a', 'la', 'shan'],
  阿克苏: ['a', 'ke', 'su'],
  阿勒泰: ['a', 'le', 'tai'],
  阿拉尔: ['a', 'la', 'er'],
  吕梁: ['lv', 'liang'],
  万宁: ['wan', 'ning'],
  佛山: ['fo', 'shan'],
  景德镇: ['jing', 'de', 'zhen'],
  沈阳: ['shen', 'yang'],
  莆田: ['pu', 'tian'],
}

/** Official English short names of the 34 provincial-level divisions, by GB code. */
export const PROVINCE_EN: Readonly<Record<string, { short: string; full: string }>> = {
  '110000': { short: 'Beijing', full: 'Beijing Municipality' },
  '120000': { short: 'Tianjin', full: 'Tianjin Municipality' },
  '130000': { short: 'Hebei', full: 'Hebei Province' },
  '140000': { short: 'Shanxi', full: 'Shanxi Province' },
  '150000': { short: 'Inner Mongolia', full: 'Inner Mongolia Autonomous Region' },
  '210000': { short: 'Liaoning', full: 'Liaoning Province' },
  '220000': { short: 'Jilin', full: 'Jilin Province' },
  '230000': { short: 'Heilongjiang', full: 'Heilongjiang Province' },
  '310000': { short: 'Shanghai', full: 'Shanghai Municipality' },
  '320000': { short: 'Jiangsu', full: 'Jiangsu Province' },
  '330000': { short: 'Zhejiang', full: 'Zhejiang Province' },
  '340000': { short: 'Anhui', full: 'Anhui Province' },
  '350000': { short: 'Fujian', full: 'Fujian Province' },
  '360000': { short: 'Jiangxi', full: 'Jiangxi Province' },
  '370000': { short: 'Shandong', full: 'Shandong Province' },
  '410000': { short: 'Henan', full: 'Henan Province' },
  '420000': { short: 'Hubei', full: 'Hubei Province' },
  '430000': { short: 'Hunan', full: 'Hunan Province' },
  '440000': { short: 'Guangdong', full: 'Guangdong Province' },
  '450000': { short: 'Guangxi', full: 'Guangxi Zhuang Autonomous Region' },
  '460000': { short: 'Hainan', full: 'Hainan Province' },
  '500000': { short: 'Chongqing', full: 'Chongqing Municipality' },
  '510000': { short: 'Sichuan', full: 'Sichuan Province' },
  '520000': { short: 'Guizhou', full: 'Guizhou Province' },
  '530000': { short: 'Yunnan', full: 'Yunnan Province' },
  '540000': { short: 'Tibet', full: 'Tibet Autonomous Region' },
  '610000': { short: 'Shaanxi', full: 'Shaanxi Province' },
  '620000': { short: 'Gansu', full: 'Gansu Province' },
  '630000': { short: 'Qinghai', full: 'Qinghai Province' },
  '640000': { short: 'Ningxia', full: 'Ningxia Hui Autonomous Region' },
  '650000': { short: 'Xinjiang', full: 'Xinjiang Uygur Autonomous Region' },
  '710000': { short: 'Taiwan', full: 'Taiwan Province' },
  '810000': { short: 'Hong Kong', full: 'Hong Kong Special Administrative Region' },
  '820000': { short: 'Macao', full: 'Macao Special Administrative Region' },
}

/**
 * English names for cities where a conventional or official (SASM/GNC) form
 * differs from plain capitalised pinyin — mostly Mongolian, Uygur and Tibetan
 * place names. Everything else is capitalised pinyin of the short name.
 */
export const CITY_EN_OVERRIDES: Readonly<Record<string, string>> = {
  哈尔滨: 'Harbin',
  齐齐哈尔: 'Qiqihar',
  大兴安岭: 'Da Hinggan Ling',
  呼和浩特: 'Hohhot',
  鄂尔多斯: 'Ordos',
  呼伦贝尔: 'Hulunbuir',
  巴彦淖尔: 'Bayannur',
  乌兰察布: 'Ulanqab',
  兴安: 'Hinggan',
  锡林郭勒: 'Xilingol',
  阿拉善: 'Alxa',
  乌鲁木齐: 'Urumqi',
  克拉玛依: 'Karamay',
  吐鲁番: 'Turpan',
  博尔塔拉: 'Bortala',
  巴音郭楞: 'Bayingolin',
  阿克苏: 'Aksu',
  克孜勒苏: 'Kizilsu',
  喀什: 'Kashgar',
  和田: 'Hotan',
  伊犁: 'Ili',
  阿勒泰: 'Altay',
  阿拉尔: 'Aral',
  图木舒克: 'Tumxuk',
  可克达拉: 'Kokdala',
  拉萨: 'Lhasa',
  日喀则: 'Xigaze',
  昌都: 'Qamdo',
  林芝: 'Nyingchi',
  那曲: 'Nagqu',
  阿里: 'Ngari',
  果洛: 'Golog',
  阿坝: 'Ngawa',
  甘孜: 'Garze',
}
