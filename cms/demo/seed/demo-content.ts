// The demo site's content: the model page's five categories and about thirty articles about plastic
// pallets, logistics and supply chains. Written for this demo; companies, people and figures are illustrative.
import type { DefaultTypedEditorState } from '@payloadcms/richtext-lexical'
import { bold, doc, h2, h3, ol, p, quote, ul } from './lexical-builder'

export interface Localized {
  zh: string
  en: string
}

export interface DemoCategory {
  slug: string
  name: Localized
  description: Localized
  order: number
}

export interface DemoCredit {
  label: Localized
  value: string
}

export interface DemoArticle {
  slug: string
  /** Category slug. */
  category: string
  /** GB/T 2260 codes of the regions it concerns; empty means nationwide. */
  regions: string[]
  title: Localized
  excerpt: Localized
  author: string
  /** Publish date relative to the seed run, so the demo never shows a future or stale-looking date. */
  daysAgo: number
  featured?: boolean
  /** Gets a generated cover image. */
  cover?: { alt: Localized }
  credits: DemoCredit[]
  body: DefaultTypedEditorState
}

/** Contact phones of a few provinces and cities (fictional), so the demo's hotline follows the chosen region. */
export const demoRegionPhones: Record<string, string> = {
  '110000': '010-6552 6600',
  '310000': '021-6085 4400',
  '320000': '025-8451 3300',
  '320500': '0512-6580 3311',
  '330000': '0571-8690 2200',
  '330100': '0571-8690 2211',
  '440000': '020-3892 5500',
  '440300': '0755-8602 5511',
}

export const demoCategories: DemoCategory[] = [
  {
    slug: 'industry-news',
    name: { zh: '行业新闻', en: 'Industry news' },
    description: { zh: '托盘、仓储与物流行业动态', en: 'Pallets, warehousing and logistics' },
    order: 1,
  },
  {
    slug: 'cross-industry',
    name: { zh: '跨界新闻', en: 'Cross-industry' },
    description: { zh: '零售、医药、新能源等行业里的托盘故事', en: 'Pallets in retail, pharma, new energy and more' },
    order: 2,
  },
  {
    slug: 'pallet-encyclopedia',
    name: { zh: '托盘百科', en: 'Pallet encyclopedia' },
    description: { zh: '选型、承重、材料与维护知识', en: 'Choosing, load ratings, materials and care' },
    order: 3,
  },
  {
    slug: 'policy',
    name: { zh: '政策法规', en: 'Policy & regulation' },
    description: { zh: '标准化、绿色包装与进出口相关规定', en: 'Standards, green packaging and trade rules' },
    order: 4,
  },
  {
    slug: 'focus',
    name: { zh: '焦点', en: 'Focus' },
    description: { zh: '深度报道与专题', en: 'In-depth reports and features' },
    order: 5,
  },
]

const credit =
  (zh: string, en: string) =>
  (value: string): DemoCredit => ({ label: { zh, en }, value })
const source = credit('来源', 'Source')
const editor = credit('编辑', 'Editor')
const writer = credit('撰文', 'Writer')
const reviewer = credit('审校', 'Reviewed by')
const lecturer = credit('授课老师', 'Lecturer')

const SITE = '托盘租赁网'
const DESK = '本站编辑'

export const demoArticles: DemoArticle[] = [
  // ── 焦点 ──────────────────────────────────────────────────────────────
  {
    slug: 'ten-years-of-pallet-pooling',
    category: 'focus',
    regions: [],
    title: { zh: '托盘共用这十年：从“买托盘”到“用托盘”', en: 'A decade of pallet pooling: from buying pallets to using them' },
    excerpt: {
      zh: '十年前，多数企业的托盘是一次性采购的固定资产；今天，越来越多的货主按天、按次使用托盘。我们梳理了这一转变中的五个关键变化。',
      en: 'Ten years ago most firms bought their pallets outright; today more and more shippers rent them by the day or by the trip. Five changes behind the shift.',
    },
    author: SITE,
    daysAgo: 3,
    featured: true,
    cover: { alt: { zh: '装载纸箱的塑料托盘堆垛', en: 'A stack of plastic pallets loaded with cartons' } },
    credits: [source(`${SITE}编辑部`), writer('陈晓雯'), editor('李文博')],
    body: doc(
      p('在不少老物流人的记忆里，托盘曾经是仓库角落里“用坏了再买”的耗材：木托盘受潮发霉，塑料托盘各家尺寸不一，货物到了下游还要人工倒板。十年过去，托盘租赁与循环共用逐渐成为许多企业的默认选项。'),
      h2('01 尺寸先统一，循环才有可能'),
      p('托盘要在企业之间流转，前提是尺寸一致。1200mm×1000mm 规格在快消、家电和电商仓配中的占比持续提高，带板运输从“可选”变成了不少大型零售商的收货要求。'),
      h2('02 从资产到服务'),
      p('租赁模式把托盘从固定资产变成了按需付费的服务。企业不必为旺季峰值一次性采购，淡季也不用为闲置托盘占用仓库面积。'),
      quote('“我们算过一笔账，旺季临时租用托盘，比全年持有同样数量的托盘省下近四成费用。”——一家日化企业的物流负责人'),
      h2('03 回收网络决定体验'),
      p('租赁的难点从来不在“租出去”，而在“收回来”。覆盖主要城市的回收网点、跨城调拨和破损维修能力，决定了客户是否愿意长期使用。'),
      h2('04 数据让托盘“看得见”'),
      p('条码与电子标签让每一片托盘都有了身份。周转次数、停留时长、破损记录可以追溯，账务纠纷随之减少。'),
      h2('05 下一个十年'),
      ul(['更多行业接受带板运输与共享托盘', '托盘与周转箱、笼车组成一体化的循环器具体系', '以循环次数计量的碳减排核算逐步落地']),
      p('托盘很小，却连着生产、流通和消费的每一个环节。它从“买”到“用”的变化，正是供应链走向协同的一个缩影。'),
    ),
  },
  {
    slug: 'yangtze-delta-pallet-network',
    category: 'focus',
    regions: ['310000', '330100', '320500'],
    title: { zh: '长三角托盘循环网络观察：一片托盘的三城之旅', en: 'The Yangtze River Delta pallet loop: one pallet, three cities' },
    excerpt: {
      zh: '从苏州的工厂到上海的配送中心，再到杭州的门店仓，我们跟踪了一片租赁托盘一周内的行程，看看区域循环是怎样运转的。',
      en: 'From a Suzhou factory to a Shanghai distribution centre and a Hangzhou store warehouse: following one rental pallet for a week.',
    },
    author: DESK,
    daysAgo: 22,
    featured: true,
    cover: { alt: { zh: '物流网络背景下的托盘堆垛', en: 'Pallet stacks over a logistics network' } },
    credits: [source(`${SITE}编辑部`), writer('周敏'), editor('李文博')],
    body: doc(
      p('周一早上，苏州一家食品厂的成品仓里，一片编号尾数为 0417 的蓝色塑料托盘被叉车送上了装车月台。它承载的四十箱饼干，将在当天下午抵达上海的一座区域配送中心。'),
      h3('第一站：苏州'),
      p('工厂采用带板运输，托盘与货物一起装车，省去了装卸时的人工搬运。厂方物流主管说，一辆车的装卸时间从一个多小时缩短到二十分钟左右。'),
      h3('第二站：上海'),
      p('配送中心收货后直接整板入库。三天后，这批饼干被拆分到多家门店，空托盘进入回收区，经过检查后在当晚被调往杭州。'),
      h3('第三站：杭州'),
      p('杭州的门店仓正值促销备货，急需托盘。租赁服务商的区域调度系统显示，就近从上海调拨比从工厂返空更省里程。'),
      quote('区域循环的关键，不是托盘跑得多远，而是每一段路都不空跑。'),
      p('一周下来，这片托盘走过三座城市，承载了三批不同货主的货物。这样的路径，在长三角每天都在重复上演。'),
    ),
  },
  {
    slug: 'peak-season-warehouse-night',
    category: 'focus',
    regions: ['330100'],
    title: { zh: '大促之夜：一座电商仓的托盘调度', en: 'Peak-sale night: pallet dispatch in an e-commerce warehouse' },
    excerpt: {
      zh: '零点之后的六个小时，是电商仓最忙的时候。托盘从哪里来、到哪里去，决定了包裹能不能按时发出。',
      en: 'The six hours after midnight are the busiest for an e-commerce warehouse. Where pallets come from and go decides whether parcels ship on time.',
    },
    author: DESK,
    daysAgo: 45,
    credits: [source(`${SITE}编辑部`), writer('王海峰')],
    body: doc(
      p('晚上十一点，杭州萧山一座电商仓的调度屏上，待拣货单数量开始快速攀升。仓库经理在交班会上提醒：今晚最怕的不是人手，而是空托盘接不上。'),
      p('这座仓库平日在用托盘约三千片，大促前一周从租赁服务商临时追加了两千片。追加的托盘按库区编号预先摆放在各拣货巷道口。'),
      h3('凌晨一点：第一波出库'),
      p('整板出库的爆款商品最先离场。空出来的库位立刻由补货托盘占上，调度员每隔半小时核对一次空托盘余量。'),
      h3('凌晨四点：回收与再分配'),
      p('快递车辆卸下的空托盘集中到回收区，清点后重新分配到补货区。整个夜班，没有一条拣货线因为等托盘而停下。'),
      quote('“托盘就像血液里的红细胞，看不见它的时候，说明一切正常。”'),
      p('大促结束一周后，追加的托盘分批退还。服务商按实际使用天数结算，仓库不必为此添置长期闲置的资产。'),
    ),
  },
  {
    slug: 'central-china-dispatch-center-wuhan',
    category: 'focus',
    regions: ['420100'],
    title: { zh: '中部调拨中心在武汉启用，覆盖华中六省', en: 'Central China pallet dispatch centre opens in Wuhan' },
    excerpt: {
      zh: '新启用的武汉调拨中心具备清洗、维修和跨省调拨能力，华中地区客户的托盘补给周期有望缩短。',
      en: 'The new Wuhan centre cleans, repairs and moves pallets across provinces, shortening resupply times for customers in central China.',
    },
    author: SITE,
    daysAgo: 73,
    featured: true,
    cover: { alt: { zh: '调拨中心里的托盘堆垛', en: 'Pallet stacks at a dispatch centre' } },
    credits: [source(`${SITE}编辑部`), editor('陈晓雯')],
    body: doc(
      p('本月，一座位于武汉东西湖区的托盘调拨中心正式投入使用。中心占地约一万平方米，设有清洗线、维修区和周转库区。'),
      p('武汉地处长江中游，公路、铁路和水运条件兼备。运营方表示，选址于此是为了让河南、湖南、江西、安徽等周边省份的客户都能在一天车程内获得补给。'),
      h2('能做什么'),
      ul(['托盘清洗、烘干与消毒', '常见破损的焊接修复与报废判定', '省际调拨与大客户专线补给', '旺季前的托盘预置']),
      quote('以前华中客户要从华东调托盘，路上就要两天；现在多数订单当天可以发车。'),
      p('调拨中心启用后，华中地区的托盘周转有了“蓄水池”。对于季节性明显的农产品和饮料客户，这意味着旺季前的备货可以更从容。'),
    ),
  },
  {
    slug: 'cold-chain-pallets-winter-focus',
    category: 'focus',
    regions: ['510100', '500000'],
    title: { zh: '冷链与托盘：川渝地区的低温物流新变化', en: 'Cold chain and pallets: changes in Sichuan–Chongqing logistics' },
    excerpt: {
      zh: '火锅食材、预制菜和生鲜的流通带动川渝冷链需求增长，耐低温托盘与带板运输在冷库中加快普及。',
      en: 'Hot-pot ingredients, ready meals and fresh food are lifting cold-chain demand in Sichuan and Chongqing; low-temperature pallets are spreading.',
    },
    author: DESK,
    daysAgo: 118,
    credits: [source('综合整理'), editor('周敏')],
    body: doc(
      p('成都和重庆的冷库近年来扩容明显。冷链企业普遍反映，预制菜和火锅食材的订单批次多、时效紧，对装卸效率提出了更高要求。'),
      p('在零下十八摄氏度的冷库里，普通托盘容易变脆开裂。耐低温改性材料制成的塑料托盘，在低温下仍能保持韧性，逐渐成为冷库的常用选择。'),
      h3('带板进出，减少开门时间'),
      p('整板装卸可以缩短冷库门和车厢门的开启时间，减少冷量损失。一些冷链企业已把带板作为与上游供应商合作的基本条款。'),
      quote('冷链里最贵的是时间和温度，托盘帮我们同时省下了两样。'),
    ),
  },

  // ── 行业新闻 ──────────────────────────────────────────────────────────
  {
    slug: 'hangzhou-ecommerce-pallet-demand',
    category: 'industry-news',
    regions: ['330100'],
    title: { zh: '杭州电商仓配旺季临近，托盘租赁需求明显上升', en: 'Hangzhou e-commerce warehouses rent more pallets ahead of peak season' },
    excerpt: {
      zh: '多家杭州电商仓储企业提前锁定旺季托盘，租赁服务商的区域库存周转加快。',
      en: 'Several Hangzhou e-commerce warehouses have booked pallets early for peak season, and regional rental stock is turning over faster.',
    },
    author: DESK,
    daysAgo: 6,
    featured: true,
    cover: { alt: { zh: '电商仓库中的塑料托盘', en: 'Plastic pallets in an e-commerce warehouse' } },
    credits: [source(`${SITE}编辑部`), editor('王海峰')],
    body: doc(
      p('随着年末购物季临近，杭州及周边的电商仓配企业开始集中追加托盘。据本站了解，部分服务商的杭州库区托盘出库量较上月增长近三成。'),
      p('业内人士介绍，电商仓的托盘需求具有明显的波峰：大促前两到三周集中备货，活动结束后迅速回落。与其全年持有峰值数量的托盘，不如按需租用。'),
      h3('提前预订成为常态'),
      p('为了避免临时找不到托盘，不少仓库在活动前一个月就与服务商签订短期租约，并约定分批到货，以免占用宝贵的库区面积。'),
      ul(['预订周期：活动前 3–5 周', '常用规格：1200×1000 九脚或川字托盘', '典型租期：15–45 天']),
      p('服务商也在调整网点布局，在萧山、余杭等仓储集中区域增加了临时周转点。'),
    ),
  },
  {
    slug: 'suzhou-electronics-clean-pallets',
    category: 'industry-news',
    regions: ['320500'],
    title: { zh: '苏州电子制造企业加快导入洁净型塑料托盘', en: 'Suzhou electronics makers adopt clean-room plastic pallets' },
    excerpt: {
      zh: '洁净车间对粉尘和静电敏感，苏州多家电子厂开始以防静电、易清洗的塑料托盘替换木托盘。',
      en: 'Clean rooms are sensitive to dust and static; electronics plants in Suzhou are replacing wooden pallets with anti-static, washable plastic ones.',
    },
    author: DESK,
    daysAgo: 19,
    credits: [source(`${SITE}编辑部`), editor('李文博')],
    body: doc(
      p('在苏州工业园区，一家为消费电子品牌供货的模组厂最近完成了车间托盘的全面更换。厂方表示，木托盘带来的木屑和粉尘，一直是洁净车间的隐患。'),
      p('新导入的托盘采用添加防静电材料的聚乙烯，表面平整无缝，可以用高压水枪直接冲洗。'),
      h3('为什么是现在'),
      p('电子产品的精密程度越来越高，客户对来料洁净度的审核也越来越严。托盘作为直接接触物料的器具，自然成了整改清单上的一项。'),
      quote('托盘看起来是小事，但审核员会蹲下来看托盘底部有没有积灰。'),
      p('据了解，苏州地区已有多家电子厂以租赁方式使用洁净型托盘，由服务商负责定期清洗和更换。'),
    ),
  },
  {
    slug: 'shenzhen-cross-border-export-pallets',
    category: 'industry-news',
    regions: ['440300'],
    title: { zh: '深圳跨境出口：免熏蒸塑料托盘更受青睐', en: 'Shenzhen exporters favour fumigation-free plastic pallets' },
    excerpt: {
      zh: '出口货物使用实木托盘需按要求进行除害处理并加施标识，越来越多深圳跨境卖家改用塑料托盘。',
      en: 'Solid-wood pallets for export must be treated and marked; more Shenzhen cross-border sellers are switching to plastic.',
    },
    author: DESK,
    daysAgo: 27,
    featured: true,
    cover: { alt: { zh: '待出口货物与托盘', en: 'Export goods on pallets' } },
    credits: [source(`${SITE}编辑部`), writer('陈晓雯')],
    body: doc(
      p('在深圳的跨境电商集货仓里，发往海外仓的整柜货物越来越多地使用塑料托盘。集货仓负责人说，这样可以省去实木包装的除害处理环节，也减少了目的港查验时的麻烦。'),
      p('按照国际植物检疫措施的相关标准，实木包装材料出口前一般需要经过热处理或熏蒸，并加施专用标识。塑料、胶合板等人造材料则不在此列。'),
      h3('成本怎么算'),
      p('塑料托盘单价高于木托盘，但可以多次使用。对于发往固定海外仓的卖家，托盘随柜出、空箱回，循环几次后成本就能摊平。'),
      ul(['出口一次性使用：可选轻型塑料托盘或压制托盘', '固定线路往返：选择耐用型，计划回收', '海外仓自用：与当地托盘规格保持一致']),
    ),
  },
  {
    slug: 'chengdu-cold-chain-hub-expansion',
    category: 'industry-news',
    regions: ['510100'],
    title: { zh: '成都冷链枢纽扩容，耐低温托盘租赁走俏', en: 'Chengdu cold-chain hub expands, low-temperature pallets in demand' },
    excerpt: {
      zh: '成都新增多座高标准冷库，耐低温塑料托盘的租赁询价量随之上升。',
      en: 'New high-standard cold stores in Chengdu are driving enquiries for low-temperature plastic pallets.',
    },
    author: DESK,
    daysAgo: 41,
    cover: { alt: { zh: '冷库中的托盘', en: 'Pallets in a cold store' } },
    credits: [source(`${SITE}编辑部`), editor('周敏')],
    body: doc(
      p('今年以来，成都青白江、双流等区域陆续有新冷库投入运营。冷库运营方普遍选择高位货架加叉车作业的模式，对托盘的尺寸精度和低温性能要求较高。'),
      p('一家租赁服务商的成都网点表示，近两个月耐低温托盘的询价量明显增加，客户主要来自速冻食品、乳制品和生鲜电商。'),
      h3('低温下的托盘有什么不同'),
      p('普通聚丙烯在低温下韧性下降，跌落时容易碎裂。冷链专用托盘通常采用高密度聚乙烯或改性材料，并在结构上增加加强筋。'),
      quote('进冷库之前，先问清楚托盘的适用温度范围。'),
    ),
  },
  {
    slug: 'wuhan-auto-parts-returnable-packaging',
    category: 'industry-news',
    regions: ['420100'],
    title: { zh: '武汉汽车零部件企业推行循环包装', en: 'Wuhan auto-parts suppliers move to returnable packaging' },
    excerpt: {
      zh: '托盘加围板箱的循环包装方案在武汉汽车零部件供应链中推广，一次性纸箱和木箱用量下降。',
      en: 'Pallet-and-sleeve returnable packs are spreading through Wuhan auto-parts supply chains, cutting single-use cartons and crates.',
    },
    author: DESK,
    daysAgo: 55,
    credits: [source(`${SITE}编辑部`), editor('王海峰')],
    body: doc(
      p('汽车零部件体积大、品类多，传统上大量使用一次性木箱和纸箱。在武汉经开区，越来越多的供应商开始采用塑料托盘、可折叠围板和箱盖组合的循环包装。'),
      p('空箱折叠后体积只有满箱的三分之一左右，返程运输成本大幅降低。整车厂的线边物流也因为包装规格统一而更加顺畅。'),
      ul(['零部件供应商：减少包装采购和废弃物处理', '整车厂：统一规格，便于线边配送', '物流商：返程装载率提高']),
      p('业内人士认为，循环包装能否持续，关键在于上下游对回收责任和周转周期的约定。'),
    ),
  },
  {
    slug: 'zhejiang-pallet-recycling-points',
    category: 'industry-news',
    regions: ['330000'],
    title: { zh: '浙江托盘回收网点覆盖主要县市', en: 'Pallet return points now cover most of Zhejiang' },
    excerpt: {
      zh: '托盘回收网点已延伸至浙江大部分县市，客户退租不必再长途送回中心仓。',
      en: 'Return points now reach most counties in Zhejiang, so customers no longer drive pallets back to a central depot.',
    },
    author: SITE,
    daysAgo: 68,
    credits: [source(`${SITE}编辑部`), editor('陈晓雯')],
    body: doc(
      p('对于中小客户而言，退还托盘往往比租用更麻烦：少量托盘专门送回中心仓，运费可能比租金还高。'),
      p('为解决这一问题，服务商在浙江各地与本地物流园区、合作仓库共建回收点。客户就近交还，由服务商统一集货后干线调回。'),
      h3('回收点做什么'),
      ul(['清点数量并当场出具回收单', '初步检查破损情况', '满一定数量后集中调拨']),
      p('目前回收点已覆盖杭州、宁波、温州、嘉兴、湖州、绍兴、金华、台州等地，部分县级市也已开通。'),
    ),
  },
  {
    slug: 'pallet-rental-market-midyear-review',
    category: 'industry-news',
    regions: [],
    title: { zh: '塑料托盘租赁市场年中观察', en: 'Plastic pallet rental: a mid-year review' },
    excerpt: {
      zh: '快消、食品和电商仍是托盘租赁的主力行业，新能源和医药的需求增长较快；价格总体平稳。',
      en: 'FMCG, food and e-commerce remain the core of pallet rental, with new energy and pharma growing fastest; prices are broadly stable.',
    },
    author: SITE,
    daysAgo: 83,
    cover: { alt: { zh: '成排的塑料托盘', en: 'Rows of plastic pallets' } },
    credits: [source(`${SITE}编辑部`), writer('李文博'), reviewer('周敏')],
    body: doc(
      p('综合本站对多家服务商和客户的走访，上半年塑料托盘租赁市场整体保持增长，但不同行业之间的差异明显。'),
      h2('需求：老行业稳，新行业快'),
      p('快消、食品饮料和电商仓配依旧贡献了大部分租赁量。新能源电池、医药流通等行业的需求增速更快，但对托盘的承重、洁净度等有专门要求。'),
      h2('价格：总体平稳'),
      p('原材料价格波动对租金的影响有限，服务商之间的竞争更多体现在网点覆盖、回收时效和破损处理上。'),
      h2('服务：从租托盘到管托盘'),
      p('越来越多的客户希望服务商提供托盘的在途追踪、库存对账等管理服务，单纯的“出租器具”正在向“循环管理”延伸。'),
      quote('客户最在意的已经不是单片托盘的价格，而是一年下来账能不能算清。'),
    ),
  },
  {
    slug: 'qingdao-port-palletized-transport',
    category: 'industry-news',
    regions: ['370200'],
    title: { zh: '青岛港区推进带板运输试点', en: 'Qingdao port area pilots palletized transport' },
    excerpt: {
      zh: '青岛港周边的物流企业尝试整板进出港，集装箱装拆箱效率有所提升。',
      en: 'Logistics firms around Qingdao port are trying whole-pallet handling, speeding up container stuffing and unstuffing.',
    },
    author: DESK,
    daysAgo: 97,
    credits: [source(`${SITE}编辑部`), editor('王海峰')],
    body: doc(
      p('在青岛港周边的集装箱场站，几家物流企业正在试点带板装箱：货物在工厂完成码托，整板进场装箱，减少人工散装。'),
      p('参与试点的企业表示，整板装箱的单箱作业时间明显缩短，货损率也有所下降。不过，集装箱内空间利用率会略有损失，需要根据货物价值权衡。'),
      h3('需要注意的问题'),
      ul(['托盘尺寸与箱内尺寸匹配', '出口时托盘材质须满足目的国检疫要求', '明确托盘是否随货出境及回收方式']),
    ),
  },
  {
    slug: 'tianjin-beijing-retail-pallet-exchange',
    category: 'industry-news',
    regions: ['110000', '120000'],
    title: { zh: '京津零售配送推广托盘交换', en: 'Beijing–Tianjin retail distribution tries pallet exchange' },
    excerpt: {
      zh: '京津两地部分零售商和供应商约定以同规格托盘“一换一”，减少空托盘回程。',
      en: 'Some retailers and suppliers in Beijing and Tianjin now swap like-for-like pallets at delivery, cutting empty return trips.',
    },
    author: DESK,
    daysAgo: 131,
    credits: [source(`${SITE}编辑部`), editor('陈晓雯')],
    body: doc(
      p('在京津地区，几家连锁超市与供应商尝试“托盘交换”：供应商送货时带板交货，同时从门店仓带走等量的空托盘。'),
      p('交换的前提是托盘规格和质量一致。参与方约定了统一的验收标准，破损超过一定程度的托盘不参与交换。'),
      quote('交换比回收快，但规矩要先立好。'),
      p('业内人士认为，托盘交换适合配送频次高、线路稳定的场景；对于偶发性配送，租赁加回收仍是更现实的方案。'),
    ),
  },

  // ── 跨界新闻 ──────────────────────────────────────────────────────────
  {
    slug: 'fresh-retail-pallet-to-shelf',
    category: 'cross-industry',
    regions: ['310000'],
    title: { zh: '生鲜零售试水“托盘到货架”', en: 'Fresh-food retail tries “pallet to shelf”' },
    excerpt: {
      zh: '上海部分生鲜超市让整板商品直接进入卖场陈列，减少门店补货时的拆箱搬运。',
      en: 'Some Shanghai fresh-food stores put whole pallets straight onto the sales floor, cutting unpacking during restocking.',
    },
    author: DESK,
    daysAgo: 12,
    cover: { alt: { zh: '超市卖场中的整板陈列', en: 'Whole-pallet display in a supermarket' } },
    credits: [source(`${SITE}编辑部`), writer('周敏')],
    body: doc(
      p('走进上海一家社区生鲜超市，水果区的几个堆头直接放在半尺寸托盘上。门店店长说，这些托盘在配送中心就已按陈列要求码好货，到店后叉车一放就能开卖。'),
      p('这种做法在仓储会员店中较为常见，如今开始被社区型门店借鉴。半尺寸托盘更适合狭窄的卖场通道，也方便用手动叉车搬运。'),
      h3('好处与挑战'),
      ul(['好处：补货快，减少门店人工', '好处：商品在途搬运次数少，损耗降低', '挑战：卖场内托盘的外观和清洁要求更高']),
      p('门店使用的陈列托盘由服务商定期更换清洗，确保外观整洁。'),
    ),
  },
  {
    slug: 'pharma-gsp-warehouse-pallets',
    category: 'cross-industry',
    regions: [],
    title: { zh: '医药仓储里的托盘选择', en: 'Choosing pallets for pharmaceutical warehouses' },
    excerpt: {
      zh: '药品仓储对卫生、温控和追溯有严格要求，塑料托盘因易清洁、不吸潮而被广泛使用。',
      en: 'Drug storage has strict hygiene, temperature and traceability rules; plastic pallets are widely used because they are easy to clean and do not absorb moisture.',
    },
    author: DESK,
    daysAgo: 34,
    credits: [source('综合整理'), editor('李文博')],
    body: doc(
      p('药品经营质量管理的相关规范要求药品储存做到离地、离墙，并保持库房清洁。托盘是实现“离地”的基础器具。'),
      p('与木托盘相比，塑料托盘不易吸潮发霉，便于清洗消毒，表面也不会产生木屑。因此在医药流通企业的仓库中，塑料托盘占据了主流。'),
      h3('选型要点'),
      ul(['阴凉库、冷库使用的托盘要确认适用温度', '上货架的托盘需有足够的货架载荷', '颜色分区管理，例如待验、合格、退货区使用不同颜色']),
      quote('在医药仓库，托盘不仅是搬运工具，也是质量管理体系的一部分。'),
    ),
  },
  {
    slug: 'battery-logistics-heavy-duty-pallets',
    category: 'cross-industry',
    regions: ['340100'],
    title: { zh: '新能源电池物流对托盘承重提出新要求', en: 'Battery logistics demands heavier-duty pallets' },
    excerpt: {
      zh: '动力电池模组单件重、价值高，合肥等地的电池企业开始使用加钢管的重型塑料托盘。',
      en: 'Battery modules are heavy and valuable; battery makers in Hefei and elsewhere are using steel-reinforced plastic pallets.',
    },
    author: DESK,
    daysAgo: 48,
    cover: { alt: { zh: '重型塑料托盘', en: 'Heavy-duty plastic pallets' } },
    credits: [source(`${SITE}编辑部`), writer('王海峰')],
    body: doc(
      p('合肥近年来聚集了多家新能源汽车和电池企业。电池模组和电芯的物流，对托盘提出了与快消品截然不同的要求。'),
      p('一整托电芯的重量可能超过一吨，而且需要上高位货架。企业普遍选择内置钢管加强的川字或田字塑料托盘，并对托盘的货架载荷做专门测试。'),
      h3('除了承重，还有什么'),
      ul(['防静电：避免静电影响电子元件', '阻燃：部分仓库对材料阻燃等级有要求', '尺寸精度：适配自动化立体库']),
      p('电池企业的托盘通常在厂内和供应商之间闭环流转，租赁服务商需要配合企业的追溯系统。'),
    ),
  },
  {
    slug: 'dongguan-beverage-peak-season',
    category: 'cross-industry',
    regions: ['441900'],
    title: { zh: '饮料旺季：东莞经销商靠租赁托盘过峰', en: 'Beverage peak: Dongguan distributors get through on rented pallets' },
    excerpt: {
      zh: '夏季饮料销量大增，东莞经销商通过短租托盘应对仓库周转高峰。',
      en: 'Summer drink sales surge, and Dongguan distributors meet the warehouse peak with short-term pallet rentals.',
    },
    author: DESK,
    daysAgo: 76,
    credits: [source(`${SITE}编辑部`), editor('周敏')],
    body: doc(
      p('每年入夏，东莞的饮料经销商仓库都会迎来一年中最忙的几个月。瓶装水和茶饮料整板到货，再按线路拆分配送到便利店和餐饮店。'),
      p('一位经销商告诉记者，旺季仓库里的托盘数量要比淡季多出一倍左右。过去他们每年采购一批新托盘，到了冬天就堆在仓库角落。'),
      p('从前年开始，他改为旺季短租。租期到了，服务商上门回收，仓库也腾出了地方。'),
      quote('托盘不用的时候，就不该占我的仓库。'),
    ),
  },
  {
    slug: 'yunnan-flowers-crates-and-pallets',
    category: 'cross-industry',
    regions: ['530100'],
    title: { zh: '云南鲜花出港：周转箱与托盘一体化', en: 'Yunnan flowers: crates and pallets working as one' },
    excerpt: {
      zh: '昆明的鲜花流通企业将标准周转箱与托盘配套使用，提升了冷链运输中的装载效率。',
      en: 'Kunming flower traders pair standard crates with pallets, improving loading in cold-chain transport.',
    },
    author: DESK,
    daysAgo: 115,
    credits: [source(`${SITE}编辑部`), editor('陈晓雯')],
    body: doc(
      p('昆明的鲜花从产地采收到发往全国，往往只有一两天时间。流通企业在包装环节引入了尺寸与托盘相匹配的周转箱，箱子在托盘上正好码满，不留空隙。'),
      p('这样一来，冷藏车装车时整板推入，既减少了鲜花的搬运次数，也让车厢内冷气循环更均匀。'),
      h3('模数化的意义'),
      p('周转箱的长宽与托盘尺寸成整数倍关系，这被称为包装模数化。它让箱、托、车、库的尺寸可以相互配合，是循环包装体系的基础。'),
    ),
  },
  {
    slug: 'foshan-appliance-automated-warehouse',
    category: 'cross-industry',
    regions: ['440600'],
    title: { zh: '佛山家电工厂：自动化立库与托盘精度', en: 'Foshan appliance plants: automated storage needs precise pallets' },
    excerpt: {
      zh: '自动化立体库对托盘的尺寸公差、平整度要求严格，佛山多家家电企业为此重新选型。',
      en: 'Automated high-bay warehouses need tight pallet tolerances and flatness; appliance makers in Foshan are re-specifying their pallets.',
    },
    author: DESK,
    daysAgo: 142,
    cover: { alt: { zh: '自动化仓库中的托盘', en: 'Pallets in an automated warehouse' } },
    credits: [source(`${SITE}编辑部`), writer('李文博')],
    body: doc(
      p('佛山是重要的家电制造基地，不少工厂在近几年建成了自动化立体仓库。堆垛机、输送线和穿梭车对托盘的要求，与人工叉车作业有很大不同。'),
      p('托盘尺寸偏差几毫米，就可能导致输送线卡板或货位检测报警。因此，立库项目通常会在设计阶段就确定托盘规格，并对供应商提出尺寸公差和变形量的要求。'),
      h3('常见要求'),
      ol(['长宽尺寸公差控制在较小范围内', '底部结构适配输送线，多采用川字或田字底', '满载状态下的挠曲变形量有上限', '条码或电子标签位置统一']),
      p('有工厂负责人坦言，立库建成后才发现托盘不合适，改造的代价远高于一开始就选对。'),
    ),
  },
  {
    slug: 'xiamen-tea-export-packaging',
    category: 'cross-industry',
    regions: ['350200'],
    title: { zh: '厦门茶叶出口企业调整包装与托盘方案', en: 'Xiamen tea exporters rethink packaging and pallets' },
    excerpt: {
      zh: '为了降低出口包装的检疫风险和成本，厦门部分茶叶出口企业改用塑料托盘配合防潮包装。',
      en: 'To reduce quarantine risk and cost, some Xiamen tea exporters now use plastic pallets with moisture-proof packaging.',
    },
    author: DESK,
    daysAgo: 176,
    credits: [source('综合整理'), editor('王海峰')],
    body: doc(
      p('茶叶怕潮、怕异味，出口海运又往往要经历数周的湿热环境。厦门几家茶叶出口企业在包装上做了调整：内包装加强防潮，外部整板缠膜，托盘改用塑料材质。'),
      p('企业表示，塑料托盘不会像未充分干燥的木托盘那样释放水汽和气味，对茶叶品质更友好。'),
      ul(['内层：铝箔袋或真空包装', '中层：纸箱加干燥剂', '外层：塑料托盘整板缠绕膜']),
    ),
  },

  // ── 托盘百科 ──────────────────────────────────────────────────────────
  {
    slug: 'how-to-choose-plastic-pallet',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '如何选择塑料托盘：十个问题说清楚', en: 'Choosing a plastic pallet: ten questions' },
    excerpt: {
      zh: '货物多重、放在哪里、用什么叉车、要不要上货架……选托盘前先回答这十个问题。',
      en: 'How heavy is the load, where does it stand, which forklift, racking or not… answer these ten questions before choosing a pallet.',
    },
    author: SITE,
    daysAgo: 9,
    featured: true,
    cover: { alt: { zh: '塑料托盘与纸箱', en: 'Plastic pallet with cartons' } },
    credits: [source(`${SITE}托盘学堂`), lecturer('赵工'), editor('陈晓雯')],
    body: doc(
      p('很多客户第一次租托盘时会问：“哪种托盘最好？”其实没有最好的托盘，只有最合适的托盘。下面十个问题，可以帮你快速缩小范围。'),
      h2('01 货物有多重'),
      p('先弄清单托货物的最大重量，再对照托盘的动载、静载和货架载荷。三者不是一回事，后文会专门解释。'),
      h2('02 货物尺寸是多少'),
      p('货物外形决定托盘规格。常见的 1200×1000 适合大多数纸箱货物，1100×1100 多见于部分出口和化工场景。'),
      h2('03 要不要上货架'),
      p('上货架的托盘只有两边受力，对刚性要求最高，通常需要内置钢管的川字或田字托盘。'),
      h2('04 用什么叉车'),
      p('手动叉车需要托盘底部留出叉腿落地的空间，九脚托盘和川字托盘的四面进叉能力各不相同。'),
      h2('05 在什么温度下使用'),
      p('冷库使用的托盘要确认低温性能，避免低温脆裂。'),
      h2('06 是否接触食品或药品'),
      p('直接接触食品的场景，应选择原生料、可清洗的托盘，并关注相关卫生要求。'),
      h2('07 要不要堆叠'),
      p('满载堆叠时，下层托盘的面板要能承受上层的压力，平板型面板更合适。'),
      h2('08 是否出口'),
      p('出口货物使用塑料托盘可免除实木包装的除害处理，但要考虑是否回收。'),
      h2('09 使用多长时间'),
      p('短期项目适合租赁；长期固定用量可以考虑购买与租赁结合。'),
      h2('10 谁负责回收'),
      p('托盘流出自己的仓库后，由谁、多久、以什么方式收回，最好在合同里写清楚。'),
      quote('把这十个问题写在纸上交给服务商，选型往往十分钟就能定下来。'),
    ),
  },
  {
    slug: 'pallet-load-ratings-explained',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '静载、动载、货架载：托盘承重怎么看', en: 'Static, dynamic and racking loads: reading pallet ratings' },
    excerpt: {
      zh: '同一片托盘，放在地上、叉车搬运、放上货架时能承受的重量差别很大。',
      en: 'The same pallet carries very different weights on the floor, on a forklift and on a rack.',
    },
    author: SITE,
    daysAgo: 38,
    credits: [source(`${SITE}托盘学堂`), lecturer('赵工'), editor('周敏')],
    body: doc(
      p('托盘参数表上常见三个承重指标，很多人只看最大的那个数字，结果在实际使用中出了问题。'),
      h3('静载'),
      p('托盘平放在平整地面上、货物均匀分布时能承受的重量。通常是三个指标中最大的。'),
      h3('动载'),
      p('托盘被叉车或搬运车移动时能承受的重量。搬运时有冲击和局部受力，数值明显低于静载。'),
      h3('货架载'),
      p('托盘放在货架横梁上、仅两边支撑时的承重。这是对托盘刚性要求最高的场景，数值通常最小。'),
      quote('选托盘时，请看你实际使用场景对应的那一项，而不是最大的那一项。'),
      p('此外，承重数据一般基于均布载荷测得。如果货物重心集中，实际可承受的重量还要打折扣。'),
    ),
  },
  {
    slug: 'hdpe-vs-pp-pallets',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: 'HDPE 与 PP：塑料托盘材料对比', en: 'HDPE vs PP: comparing pallet materials' },
    excerpt: {
      zh: '高密度聚乙烯韧性好、耐低温，聚丙烯刚性好、耐热，两者各有适用场景。',
      en: 'HDPE is tough and cold-resistant, PP is stiff and heat-resistant; each has its place.',
    },
    author: SITE,
    daysAgo: 62,
    credits: [source(`${SITE}托盘学堂`), editor('李文博')],
    body: doc(
      p('注塑塑料托盘最常见的两种原料是高密度聚乙烯（HDPE）和聚丙烯（PP）。外观上很难区分，性能却各有侧重。'),
      h3('HDPE'),
      ul(['韧性好，抗冲击', '低温下不易脆裂，适合冷库', '刚性略低，上货架时常需加钢管']),
      h3('PP'),
      ul(['刚性好，不易变形', '耐热性较好', '低温下韧性下降，需改性后才适合冷库']),
      p('实际生产中，不少托盘会采用共混或改性配方，兼顾韧性和刚性。选型时与其纠结材料名称，不如直接看使用温度、承重等指标是否满足要求。'),
    ),
  },
  {
    slug: 'why-1200x1000-standard-pallet',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '为什么推荐 1200×1000 标准托盘', en: 'Why the 1200×1000 pallet is the recommended standard' },
    excerpt: {
      zh: '托盘尺寸统一是循环共用的前提。1200×1000 规格与国内常见车厢、货架和包装模数匹配度高。',
      en: 'Common sizes make pooling possible; 1200×1000 fits China’s usual trucks, racks and packaging modules well.',
    },
    author: SITE,
    daysAgo: 104,
    credits: [source(`${SITE}托盘学堂`), lecturer('赵工'), editor('陈晓雯')],
    body: doc(
      p('国内在用托盘的规格曾经五花八门，同一条供应链上下游用的托盘尺寸不同，货物每经过一个环节就要倒板一次。'),
      p('1200mm×1000mm 是我国推荐优先使用的联运托盘规格之一，也是国际上通用的规格之一。'),
      h3('它好在哪里'),
      ul(['与常见厢式货车内宽匹配，装载率较高', '与主流货架横梁间距相适应', '便于包装箱按模数设计']),
      quote('托盘尺寸统一了，带板运输、托盘交换和循环共用才有了共同语言。'),
      p('当然，特定行业仍有自己的习惯规格。对于需要与上下游流转的托盘，优先选择标准规格总是更稳妥。'),
    ),
  },
  {
    slug: 'nine-leg-vs-runner-pallets',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '九脚、田字、川字：托盘底部结构怎么选', en: 'Nine-leg, grid or runner base: choosing a pallet structure' },
    excerpt: {
      zh: '托盘底部结构决定了它能否上货架、能否堆叠以及适合哪种叉车。',
      en: 'The base structure decides whether a pallet can go on racks, be stacked, and which forklifts suit it.',
    },
    author: SITE,
    daysAgo: 128,
    cover: { alt: { zh: '不同结构的塑料托盘', en: 'Plastic pallets of different designs' } },
    credits: [source(`${SITE}托盘学堂`), lecturer('赵工'), editor('周敏')],
    body: doc(
      p('从侧面看，塑料托盘底部大致分三类：九个独立支脚的九脚托盘、底部连成“田”字的田字托盘、底部是三条平行底梁的川字托盘。'),
      h3('九脚托盘'),
      p('重量轻、可嵌套堆放，空托盘节省空间，四面都可以进叉。缺点是不适合上货架，也不适合重载堆叠。'),
      h3('田字托盘'),
      p('底部四周和中间相连，受力均匀，适合上货架和满载堆叠，也适合输送线。'),
      h3('川字托盘'),
      p('三条底梁平行排列，可加钢管增强，承重能力强。手动叉车一般只能从两面进叉。'),
      ul(['只在地面周转、空托多：九脚', '上货架、自动化输送：田字', '重载、上货架、叉车作业为主：川字']),
    ),
  },
  {
    slug: 'rent-or-buy-pallet-costs',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '租还是买？托盘成本的测算方法', en: 'Rent or buy? How to work out pallet costs' },
    excerpt: {
      zh: '比较租买成本，不能只看单价，还要算上闲置、丢失、维修和管理成本。',
      en: 'Comparing rent and buy means counting idle time, losses, repairs and admin, not just the unit price.',
    },
    author: SITE,
    daysAgo: 160,
    credits: [source(`${SITE}托盘学堂`), editor('李文博')],
    body: doc(
      p('“买一片托盘的钱够租好几个月”，这是很多人的第一反应。但托盘的真实成本，远不止采购价。'),
      h3('购买的隐性成本'),
      ul(['淡季闲置占用库房面积', '流出后丢失、被挪用', '破损维修与报废处置', '盘点与管理的人工']),
      h3('一个简单的测算思路'),
      ol(['统计全年每月的托盘实际需求量', '按峰值计算购买所需数量与总成本', '按实际月需求计算租赁费用', '把丢失率、维修费和管理人工加进购买方案']),
      p('需求平稳且托盘不出厂的企业，购买往往更划算；需求波动大、托盘需要随货流转的企业，租赁的优势更明显。'),
    ),
  },
  {
    slug: 'pallet-cleaning-and-retirement',
    category: 'pallet-encyclopedia',
    regions: [],
    title: { zh: '塑料托盘的清洗、维修与报废', en: 'Cleaning, repairing and retiring plastic pallets' },
    excerpt: {
      zh: '一片塑料托盘能循环多少次，很大程度上取决于日常使用和维护。',
      en: 'How many trips a plastic pallet lasts depends largely on everyday use and care.',
    },
    author: SITE,
    daysAgo: 228,
    credits: [source(`${SITE}托盘学堂`), editor('陈晓雯')],
    body: doc(
      p('塑料托盘经久耐用，但并非用不坏。叉齿撞击、超载、长期暴晒都会缩短它的寿命。'),
      h3('清洗'),
      p('一般可用清水或中性清洁剂高压冲洗后晾干。接触食品的托盘应按企业卫生制度定期清洗消毒。'),
      h3('维修'),
      p('局部开裂、边角缺损可以通过热熔焊接修复；面板大面积破损或底梁断裂的托盘则不宜继续使用。'),
      h3('报废'),
      p('报废托盘可以粉碎后作为再生原料，用于生产对性能要求较低的塑料制品，实现材料的再循环。'),
      quote('叉车司机的操作习惯，往往比托盘本身的质量更影响寿命。'),
    ),
  },

  // ── 政策法规 ──────────────────────────────────────────────────────────
  {
    slug: 'standard-pallet-pooling-policy-direction',
    category: 'policy',
    regions: [],
    title: { zh: '解读：推动标准托盘循环共用的政策方向', en: 'Explainer: the policy push for standard pallet pooling' },
    excerpt: {
      zh: '近年来多项物流降本增效相关政策都提到标准化托盘和带板运输，本文梳理其中的共同方向。',
      en: 'Recent policies on cutting logistics costs keep mentioning standard pallets and palletized transport; the common threads.',
    },
    author: SITE,
    daysAgo: 16,
    credits: [source('综合整理'), writer('周敏'), reviewer('李文博')],
    body: doc(
      p('在国家和地方层面推动物流降本增效的文件中，“标准化托盘”“带板运输”“循环共用”是出现频率较高的几个词。它们背后是一个共同的逻辑：用统一的单元化器具，减少装卸搬运环节。'),
      h2('共同方向一：先统一规格'),
      p('相关政策普遍鼓励优先采用标准规格托盘，并推动包装、车辆、货架与之配套。'),
      h2('共同方向二：推广带板运输'),
      p('带板运输可以显著减少装卸时间和货损，是托盘标准化最直接的效益体现。'),
      h2('共同方向三：发展循环共用'),
      p('鼓励发展托盘租赁、交换等社会化服务，提高托盘的周转效率，减少企业重复投入。'),
      quote('政策的目标不是让每家企业都买标准托盘，而是让托盘在企业之间流动起来。'),
      p('具体的扶持措施因地而异，企业可关注所在地商务、发展改革等部门发布的相关通知。'),
    ),
  },
  {
    slug: 'shanghai-green-packaging-requirements',
    category: 'policy',
    regions: ['310000'],
    title: { zh: '上海：绿色包装与可循环器具相关要求梳理', en: 'Shanghai: green packaging and returnable containers at a glance' },
    excerpt: {
      zh: '上海在快递包装减量和可循环包装推广方面出台了多项举措，托盘和周转箱是其中的重要器具。',
      en: 'Shanghai has several measures to reduce parcel packaging and promote returnables, in which pallets and crates play a big part.',
    },
    author: DESK,
    daysAgo: 59,
    credits: [source('综合整理'), editor('王海峰')],
    body: doc(
      p('作为快递业务量大、电商企业集中的城市，上海在包装减量和可循环包装方面的探索较早。'),
      p('从企业的角度看，相关要求主要集中在三个方面：减少一次性包装的使用、推广可循环的包装和器具、建立回收体系。'),
      ul(['电商与快递企业：推广可循环快递箱', '商贸流通企业：推广标准托盘和周转箱', '物流园区：完善包装回收设施']),
      quote('循环器具能否推开，回收体系是关键。'),
      p('建议企业在规划仓储和配送方案时，同步考虑托盘和周转箱的循环使用与回收路径。'),
    ),
  },
  {
    slug: 'guangdong-palletized-transport-measures',
    category: 'policy',
    regions: ['440000'],
    title: { zh: '广东降本增效举措中的带板运输', en: 'Palletized transport in Guangdong’s logistics cost measures' },
    excerpt: {
      zh: '广东多地在物流降本增效工作中把带板运输作为重点推广方向，商贸企业和物流园区是主要参与者。',
      en: 'Cities across Guangdong are promoting palletized transport as part of logistics cost cutting, led by retailers and logistics parks.',
    },
    author: DESK,
    daysAgo: 90,
    credits: [source('综合整理'), editor('陈晓雯')],
    body: doc(
      p('广东商贸物流体量大，广州、深圳、东莞、佛山等城市的大型商超、电商仓和生产企业之间，每天都有大量货物往来。'),
      p('在推进物流降本增效的过程中，带板运输被多地列为重点方向：鼓励供应商带板送货，鼓励零售企业带板收货。'),
      h3('企业怎么参与'),
      ol(['统一托盘规格，与上下游约定交接标准', '改造收货月台，适配整板装卸', '与托盘租赁或交换服务商合作建立回收机制']),
      p('具体的支持政策以各地主管部门发布的文件为准。'),
    ),
  },
  {
    slug: 'export-wood-packaging-quarantine',
    category: 'policy',
    regions: [],
    title: { zh: '出口木质包装检疫要求与塑料托盘', en: 'Export wood-packaging quarantine rules and plastic pallets' },
    excerpt: {
      zh: '出口货物的实木托盘一般需要除害处理并加施标识，塑料托盘等非实木包装通常不受此约束。',
      en: 'Solid-wood export pallets generally need treatment and marking; plastic and other non-solid-wood packaging usually does not.',
    },
    author: SITE,
    daysAgo: 133,
    credits: [source('综合整理'), reviewer('周敏')],
    body: doc(
      p('为防止有害生物随木质包装传播，许多国家和地区要求入境货物的实木包装经过除害处理，并加施国际通行的专用标识。'),
      p('这意味着出口企业使用实木托盘时，需要选择具备资质的处理企业，保留相关记录。'),
      h3('非实木材料'),
      p('塑料托盘、胶合板托盘、压制木托盘等经过加工的材料，一般不属于需要除害处理的范围。'),
      quote('具体要求以目的国最新规定为准，出口前请与货代或报关行确认。'),
    ),
  },
  {
    slug: 'sichuan-cold-chain-standard-equipment',
    category: 'policy',
    regions: ['510000'],
    title: { zh: '四川冷链物流建设中的标准化器具', en: 'Standard equipment in Sichuan’s cold-chain build-out' },
    excerpt: {
      zh: '四川在冷链物流设施建设中重视标准化，托盘、周转箱的规格统一被视为提升效率的基础。',
      en: 'Sichuan’s cold-chain build-out stresses standardization; common pallet and crate sizes are seen as the basis for efficiency.',
    },
    author: DESK,
    daysAgo: 205,
    credits: [source('综合整理'), editor('李文博')],
    body: doc(
      p('四川是农产品大省，也是西部冷链物流的重要节点。近年来全省冷库容量持续增长，产地预冷和冷链运输设施不断完善。'),
      p('在设施建设之外，器具标准化同样重要。冷库货架、冷藏车厢和托盘周转箱的尺寸能否相互匹配，直接影响装卸效率和冷链断链风险。'),
      ul(['产地：推广标准周转箱，采摘后直接装箱', '冷库：按标准托盘规划货架与货位', '运输：带板装车，缩短开门时间']),
    ),
  },
  {
    slug: 'henan-logistics-hub-pallet-standards',
    category: 'policy',
    regions: ['410100', '410000'],
    title: { zh: '郑州物流枢纽建设与托盘标准化', en: 'Zhengzhou logistics hub and pallet standardization' },
    excerpt: {
      zh: '郑州作为综合交通枢纽，多式联运对托盘等单元化器具的标准化提出了更高要求。',
      en: 'As a transport hub, Zhengzhou’s multimodal freight raises the bar for standard pallets and unit loads.',
    },
    author: DESK,
    daysAgo: 190,
    credits: [source('综合整理'), editor('王海峰')],
    body: doc(
      p('郑州地处中原，铁路、公路、航空货运网络交汇。多式联运的每一次换装，都是对货物单元化程度的考验。'),
      p('如果货物在工厂就以标准托盘为单元组货，后续在铁路场站、公路货站和航空货站之间换装时，就能尽量整板操作。'),
      quote('单元化做得好，换装就只是“搬家”，不用“拆家”。'),
      p('业内建议，河南的生产和流通企业在新建仓库或更换器具时，优先采用标准规格托盘，为后续接入多式联运预留条件。'),
    ),
  },
]
