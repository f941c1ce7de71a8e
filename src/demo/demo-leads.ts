import type { LeadStage, WorkActivityKind } from '../leads/lead.vocabulary.js';
import { U } from './demo-data.js';

/**
 * Leads the demo's officers are already working, so the console's board, timelines and 三个一批
 * figures are not empty on first start. Dates are days before "today" (the app's clock), so the
 * demo stays current and tests with a fixed clock can load it too.
 */
export interface DemoLead {
  /** Stable identity (the lead's import key): loading the demo twice creates each once. */
  key: string;
  enterpriseUscc: string;
  /** A project lead; or, without one, a general interest in `regionCode`. */
  projectCode?: string;
  regionCode?: string;
  /** The responsible officer (a demo account of the bureau covering the lead). */
  ownerEmail: string;
  createdDaysAgo: number;
  expectedInvestmentYuan?: number;
  note: string;
  /** Stage changes in order, each `daysAgo` no earlier than the one before. */
  steps: Array<{ stage: LeadStage; daysAgo: number; amountYuan?: number; lostReason?: string; note?: string }>;
  activities: Array<{ kind: WorkActivityKind; daysAgo: number; summary: string }>;
  /** Days from today to the next follow-up (open leads). */
  followUpInDays?: number;
}

export const demoLeads: DemoLead[] = [
  {
    key: 'demo-lead-hengrui-ws001',
    enterpriseUscc: U.hengrui,
    projectCode: 'WS-2021-001',
    ownerEmail: 'officer.weishi@example.com',
    createdDaysAgo: 40,
    expectedInvestmentYuan: 300_000_000,
    note: '企业铸造车间需整体搬迁入园，关注搬迁补助与标准化厂房',
    steps: [
      { stage: 'contacted', daysAgo: 38, note: '电话联系企业负责人' },
      { stage: 'negotiating', daysAgo: 21, note: '企业带队实地考察科创园' },
    ],
    activities: [
      { kind: 'call', daysAgo: 38, summary: '介绍循环经济科创园一期入园条件与搬迁补助政策' },
      { kind: 'visit', daysAgo: 21, summary: '陪同企业考察园区标准化厂房，企业关注环评与供电容量' },
      { kind: 'meeting', daysAgo: 6, summary: '与县发改委、生态环境分局会商环评前置事项' },
    ],
    followUpInDays: 2,
  },
  {
    key: 'demo-lead-junrun-ws004',
    enterpriseUscc: U.junrun,
    projectCode: 'WS-2021-004',
    ownerEmail: 'officer2.weishi@example.com',
    createdDaysAgo: 150,
    expectedInvestmentYuan: 150_000_000,
    note: '菌棒工厂化生产线，需流转土地约 120 亩',
    steps: [
      { stage: 'contacted', daysAgo: 146 },
      { stage: 'negotiating', daysAgo: 120, note: '考察食用菌产业园' },
      { stage: 'signed', daysAgo: 75, amountYuan: 120_000_000, note: '签订投资协议' },
      { stage: 'started', daysAgo: 30, note: '“开工报告书”容缺办理后开工' },
    ],
    activities: [
      { kind: 'visit', daysAgo: 120, summary: '企业考察产业园及周边菇农合作社' },
      { kind: 'note', daysAgo: 20, summary: '一期厂房主体封顶，计划明年春季投产' },
    ],
    followUpInDays: 10,
  },
  {
    key: 'demo-lead-maixiang-ws003',
    enterpriseUscc: U.maixiang,
    projectCode: 'WS-2021-003',
    ownerEmail: 'officer.weishi@example.com',
    createdDaysAgo: 9,
    expectedInvestmentYuan: 80_000_000,
    note: '面粉及面制品精深加工，企业希望享受农业产业化龙头企业融资担保',
    steps: [{ stage: 'contacted', daysAgo: 8 }],
    activities: [{ kind: 'call', daysAgo: 8, summary: '约定下周到企业走访，了解产能与原料需求' }],
    followUpInDays: 0,
  },
  {
    key: 'demo-lead-borui-weishi',
    enterpriseUscc: U.borui,
    regionCode: '410223',
    ownerEmail: 'officer2.weishi@example.com',
    createdDaysAgo: 3,
    note: '企业有意在县内扩建智能装备生产基地，尚未确定项目',
    steps: [],
    activities: [],
    followUpInDays: 1,
  },
  {
    key: 'demo-lead-yougou-hkg001',
    enterpriseUscc: U.yougou,
    projectCode: 'HKG-2022-001',
    ownerEmail: 'officer.hkg@example.com',
    createdDaysAgo: 95,
    expectedInvestmentYuan: 500_000_000,
    note: '跨境电商保税进口智能仓储分拨中心',
    steps: [
      { stage: 'contacted', daysAgo: 93 },
      { stage: 'negotiating', daysAgo: 70 },
      { stage: 'signed', daysAgo: 12, amountYuan: 450_000_000, note: '在航空港区集中签约活动上签约' },
    ],
    activities: [
      { kind: 'meeting', daysAgo: 70, summary: '与综保区、海关对接保税仓建设标准' },
      { kind: 'note', daysAgo: 12, summary: '签约后由服务专员全流程代办施工许可' },
    ],
    followUpInDays: 5,
  },
  {
    key: 'demo-lead-tianheng-ly001',
    enterpriseUscc: U.tianheng,
    projectCode: 'LY-2021-001',
    ownerEmail: 'officer.luoyang@example.com',
    createdDaysAgo: 260,
    expectedInvestmentYuan: 300_000_000,
    note: '航空航天零部件配套',
    steps: [
      { stage: 'contacted', daysAgo: 255 },
      { stage: 'negotiating', daysAgo: 230 },
      { stage: 'signed', daysAgo: 190, amountYuan: 350_000_000 },
      { stage: 'started', daysAgo: 150 },
      { stage: 'producing', daysAgo: 25, note: '首条生产线投产' },
    ],
    activities: [{ kind: 'visit', daysAgo: 230, summary: '企业考察航空航天智创产业园' }],
  },
  {
    key: 'demo-lead-zhonggui-ly002',
    enterpriseUscc: U.zhonggui,
    projectCode: 'LY-2021-002',
    ownerEmail: 'officer.luoyang@example.com',
    createdDaysAgo: 120,
    note: '轨道交通装备关键零部件',
    steps: [
      { stage: 'contacted', daysAgo: 115 },
      { stage: 'lost', daysAgo: 60, lostReason: '企业决定在湖南株洲本部扩产，暂不外地布局' },
    ],
    activities: [{ kind: 'call', daysAgo: 62, summary: '企业告知董事会决定在本部扩产' }],
  },
  {
    key: 'demo-lead-zhizao-ny001',
    enterpriseUscc: U.zhizao,
    projectCode: 'NY-2021-001',
    ownerEmail: 'officer.nanyang@example.com',
    createdDaysAgo: 30,
    expectedInvestmentYuan: 200_000_000,
    note: '智能制造系统集成，关注智能化改造奖补与审批绿色通道',
    steps: [
      { stage: 'contacted', daysAgo: 29 },
      { stage: 'negotiating', daysAgo: 10, note: '企业第二次来宛考察' },
    ],
    activities: [{ kind: 'visit', daysAgo: 10, summary: '考察南阳高新区智能制造产业园，洽谈厂房代建' }],
    followUpInDays: 4,
  },
];
