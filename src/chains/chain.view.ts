import { regions } from '../reference/regions.js';
import type { ChainSegment } from './chain.entity.js';
import { DEFAULT_THRESHOLDS } from './chain.vocabulary.js';
import type { ChainDetail, ChainFigures, ChainMap } from './chains.service.js';

const segmentView = (s: ChainSegment) => ({
  id: s.id,
  position: s.position,
  name: s.name,
  tier: s.tier,
  industryCodes: s.industryCodes,
  keywords: s.keywords,
});

export function chainView(d: ChainDetail) {
  const c = d.chain;
  return {
    id: c.id,
    name: c.name,
    regionCode: c.regionCode,
    regionName: regions().fullName(c.regionCode),
    templateKey: c.templateKey,
    leaderUserId: c.leaderUserId,
    leaderName: d.leaderName,
    anchorEnterprises: d.anchors.map((a) => ({ id: a.id, name: a.name })),
    strongMin: c.strongMin,
    weakMin: c.weakMin,
    segments: d.segments.map(segmentView),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The rule as the page and the README state it. */
export const statusRule = (t: { strongMin: number; weakMin: number } = DEFAULT_THRESHOLDS) =>
  `本地企业数 + 已签约/已开工/已投产线索数（每条线索只计一次）≥ ${t.strongMin} 为「强」，≥ ${t.weakMin} 为「弱」，否则为「缺」；在谈项目只展示，不计入。`;

export function chainMapView(d: ChainMap) {
  const c = d.chain;
  const presence = new Map(d.presence.map((p) => [p.segmentId, p]));
  return {
    chainId: c.id,
    name: c.name,
    regionCode: c.regionCode,
    regionName: regions().fullName(c.regionCode),
    thresholds: { strongMin: c.strongMin, weakMin: c.weakMin },
    rule: statusRule(c),
    segments: d.segments.map((s) => {
      const p = presence.get(s.id)!;
      return {
        ...segmentView(s),
        enterprises: p.enterprises,
        openProjects: p.openProjects,
        signedLeads: p.signedLeads,
        startedLeads: p.startedLeads,
        producingLeads: p.producingLeads,
        status: p.status,
        anchorEnterpriseIds: d.anchors.filter((a) => s.industryCodes.some((code) => a.industryPath.includes(code))).map((a) => a.id),
      };
    }),
  };
}

export function chainFiguresView(f: ChainFigures) {
  return {
    chainId: f.chain.id,
    name: f.chain.name,
    period: f.period,
    total: f.total,
    segments: f.segments.map((s) => ({ segmentId: s.segment.id, name: s.segment.name, milestones: s.milestones })),
    chainLeadsSigned: f.chainLeadsSigned,
    agreements: {
      total: f.agreements.agreements.total,
      pledgedYuan: f.agreements.investment.pledgedYuan,
      capitalYuan: f.agreements.investment.capitalYuan,
      capitalRate: f.agreements.investment.capitalRate,
      byStatus: {
        performing: f.agreements.agreements.performing,
        at_risk: f.agreements.agreements.at_risk,
        met: f.agreements.agreements.met,
        breached: f.agreements.agreements.breached,
      },
      pledges: f.agreements.pledges,
      tranches: f.agreements.tranches,
      recovery: f.agreements.recovery,
    },
  };
}
