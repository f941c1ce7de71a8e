/**
 * The platform's library of industrial-chain templates (产业链模板), built from the GB/T 4754-2017
 * tree. Data, not code: a region adopts one (`POST /chains` with `templateKey`) and may then edit
 * its segments. Every code must exist in the platform's industry table (chain-templates.spec.ts).
 */
export type SegmentTier = 'upstream' | 'midstream' | 'downstream';
export const SEGMENT_TIERS: Record<SegmentTier, string> = { upstream: '上游', midstream: '中游', downstream: '下游' };

export interface SegmentTemplate {
  name: string;
  tier: SegmentTier;
  industryCodes: string[];
  keywords?: string[];
}

export interface ChainTemplate {
  key: string;
  name: string;
  segments: SegmentTemplate[];
}

const up = (name: string, industryCodes: string[], keywords: string[] = []): SegmentTemplate => ({
  name,
  tier: 'upstream',
  industryCodes,
  keywords,
});
const mid = (name: string, industryCodes: string[], keywords: string[] = []): SegmentTemplate => ({
  name,
  tier: 'midstream',
  industryCodes,
  keywords,
});
const down = (name: string, industryCodes: string[], keywords: string[] = []): SegmentTemplate => ({
  name,
  tier: 'downstream',
  industryCodes,
  keywords,
});

export const CHAIN_TEMPLATES: readonly ChainTemplate[] = [
  {
    key: 'auto-parts',
    name: '汽车及零部件',
    segments: [
      up('钢材及铝材', ['C3130', 'C3252'], ['钢板', '铝型材']),
      up('橡胶及塑料', ['C2652', 'C2913', 'C2929'], ['橡胶件', '塑料件']),
      up('涂料', ['C2641'], ['汽车漆', '涂料']),
      up('汽车玻璃', ['C3051'], ['汽车玻璃']),
      mid('电机及电池', ['C381', 'C384'], ['动力电池', '驱动电机']),
      mid('发动机', ['C3620'], ['发动机']),
      mid('汽车零部件及配件', ['C3670'], ['零部件', '配件']),
      mid('车身及挂车', ['C3660'], ['车身', '挂车']),
      down('整车制造', ['C3611', 'C3612', 'C3630'], ['整车', '新能源汽车']),
      down('汽车销售及后市场', ['F5261', 'F5262', 'O8111'], ['4S店', '汽车维修']),
    ],
  },
  {
    key: 'meat-products',
    name: '食品加工/肉制品',
    segments: [
      up('畜禽养殖', ['A031', 'A032'], ['养殖']),
      up('饲料', ['C132'], ['饲料']),
      mid('屠宰', ['C1351', 'C1352'], ['屠宰']),
      mid('肉制品加工', ['C1353', 'C1451'], ['肉制品', '火腿肠']),
      mid('食品添加剂及包装', ['C1495', 'C2926'], ['添加剂', '包装']),
      down('冷链物流', ['G5930', 'G5432'], ['冷链', '冷库']),
      down('批发零售', ['F5124', 'F5212'], ['批发', '商超']),
    ],
  },
  {
    key: 'tea',
    name: '茶叶全产业链',
    segments: [
      up('茶叶种植', ['A0164'], ['茶园', '毛尖']),
      mid('精制茶加工', ['C1530'], ['精制茶', '制茶']),
      mid('茶饮料及深加工', ['C1529'], ['茶饮料', '茶多酚']),
      mid('制茶装备', ['C3531'], ['制茶机械']),
      down('茶叶批发零售', ['F5127', 'F5226'], ['茶叶市场', '茶庄']),
      down('茶旅文化', ['N7861', 'L7291'], ['茶文化', '茶旅']),
    ],
  },
  {
    key: 'beef-cattle',
    name: '肉牛全产业链',
    segments: [
      up('良种繁育', ['A0531'], ['种牛', '繁育']),
      up('饲草饲料', ['A0181', 'C132'], ['青贮', '饲草']),
      mid('肉牛育肥', ['A0311'], ['育肥', '牧场']),
      mid('屠宰分割', ['C1351'], ['屠宰', '分割']),
      mid('牛肉制品', ['C1353'], ['牛肉', '熟食']),
      mid('皮革及副产品', ['C1910', 'C1929'], ['牛皮', '皮革']),
      down('冷链物流', ['G5930', 'G5432'], ['冷链']),
      down('品牌销售', ['F5124', 'F5292'], ['电商', '专卖店']),
    ],
  },
  {
    key: 'refractory',
    name: '新材料/耐火材料',
    segments: [
      up('耐火原料开采', ['B1013', 'B0916'], ['铝矾土', '耐火土']),
      up('石墨及碳素', ['C3091'], ['石墨', '碳素']),
      mid('耐火材料制品', ['C3089'], ['耐火砖', '耐材']),
      mid('特种陶瓷', ['C3073'], ['特种陶瓷']),
      mid('玻璃纤维及复合材料', ['C3061', 'C3062'], ['玻纤', '复合材料']),
      down('钢铁冶炼', ['C3120'], ['钢厂']),
      down('冶金及窑炉装备', ['C3516'], ['窑炉', '冶金设备']),
    ],
  },
  {
    key: 'cross-border-ecommerce',
    name: '跨境电商',
    segments: [
      up('外贸制造货源', ['C2927', 'C2452', 'C1819'], ['出口', '货源']),
      mid('跨境电商平台及卖家', ['F5292', 'F5193', 'I6431'], ['跨境电商', '独立站']),
      mid('进出口贸易', ['F5181', 'F5189'], ['外贸', '进出口']),
      mid('供应链及仓储', ['G5990'], ['海外仓', '保税仓']),
      down('国际物流及快递', ['G5821', 'G5521', 'G6020'], ['国际物流', '快递']),
      down('电商服务', ['L7251', 'I6439'], ['代运营', '广告']),
    ],
  },
  {
    key: 'tcm',
    name: '中药材',
    segments: [
      up('中药材种植', ['A0171', 'A0179'], ['道地药材', '种植基地']),
      up('中药材仓储及交易', ['G5960'], ['药材市场', '药材仓储']),
      mid('中药饮片', ['C2730'], ['饮片']),
      mid('中成药', ['C2740'], ['中成药']),
      mid('药用辅料及包装', ['C2780'], ['药用辅料']),
      mid('制药装备', ['C3544'], ['制药设备']),
      down('医药流通', ['F5152', 'F5252'], ['医药批发', '药房']),
    ],
  },
];

const byKey = new Map(CHAIN_TEMPLATES.map((t) => [t.key, t]));
export const chainTemplate = (key: string): ChainTemplate | undefined => byKey.get(key);
export const templateKeys = CHAIN_TEMPLATES.map((t) => t.key) as [string, ...string[]];
