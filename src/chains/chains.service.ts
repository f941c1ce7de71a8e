import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { industries } from '../reference/industries.js';
import { AccessPolicy, requireStaff, staffScope } from '../access/access-policy.js';
import { coversRegion, isStaff, type Actor } from '../access/actor.js';
import { effectiveRegion } from '../access/region-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { writeCsv, writeXlsx, type CellOut } from '../platform/spreadsheet/spreadsheet.js';
import { chainLabel, SEGMENT_STATUSES, type SegmentStatus } from './chain.vocabulary.js';
import { AgreementsService } from '../agreements/agreements.service.js';
import type { AgreementFigures } from '../agreements/agreements.queries.js';
import { dashboardFrom, FiguresService, figuresQuery, type MilestoneFigures } from '../leads/figures.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { LeadsService, type CreatedLead } from '../leads/leads.service.js';
import { notFound, validationFailed, type FieldError } from '../platform/http/problem.js';
import { regions } from '../reference/regions.js';
import { chainTemplate } from './chain-templates.js';
import { Chain, ChainSegment } from './chain.entity.js';
import { ChainStatuses } from './chain-statuses.js';
import { ChainLookups, ChainsQueries, type ChainTarget, type SegmentPresence } from './chains.queries.js';
import type {
  ChainFiguresExportQuery,
  ChainFiguresQuery,
  ChainLeadInput,
  ChainsFiguresExportQuery,
  ChainsFiguresQuery,
  CreateChainInput,
  ListChainsQuery,
  TargetsExportQuery,
  TargetsQuery,
  UpdateChainInput,
} from './chains.schemas.js';

type SegmentInput = Pick<ChainSegment, 'name' | 'position' | 'industryCodes' | 'tier' | 'keywords'>;

export interface ChainDetail {
  chain: Chain;
  segments: ChainSegment[];
  leaderName: string | null;
  anchors: Array<{ id: number; name: string; industryPath: string[] }>;
}

export interface ChainFigures {
  chain: Chain;
  period: { from: string; to: string };
  total: MilestoneFigures[];
  segments: Array<{ segment: ChainSegment; milestones: MilestoneFigures[] }>;
  /** 补链 leads (source 产业链招商, an industry in the chain) signed in the period. */
  chainLeadsSigned: number;
  agreements: AgreementFigures;
}

/** The most chains GET /chains/figures (and the dashboard) shows. */
export const CHAINS_FIGURES_MAX = 20;

export interface ChainsFiguresOverview {
  period: { from: string; to: string };
  items: ChainFigures[];
  total: number;
}

const CHAIN_FIGURE_HEADERS = [
  '环节',
  '签约项目',
  '签约增资',
  '签约金额（万元）',
  '开工项目',
  '开工金额（万元）',
  '投产项目',
  '投产金额（万元）',
];
/** A row of the chain figures sheets: the segment (or total) and its three milestones (amounts in 万元). */
function chainFigureRow(name: string, ms: MilestoneFigures[]): CellOut[] {
  const [s, st, p] = ms;
  return [name, s.projects, s.increases, s.amountYuan / 10_000, st.projects, st.amountYuan / 10_000, p.projects, p.amountYuan / 10_000];
}

export interface ProjectChainInfo {
  chainLabel: string;
  segmentName: string;
  status: SegmentStatus;
  reasons: string[];
  anchors: string[];
}

export interface ChainMap extends ChainDetail {
  presence: SegmentPresence[];
}

/**
 * 产业链招商. Every operation: access check › one transaction › write › audit. A chain belongs to
 * its region: staff covering the region see and edit it (a 开封市 officer: 开封 and 尉氏 chains);
 * to everyone else it does not exist (404).
 */
@Injectable()
export class ChainsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly queries: ChainsQueries,
    private readonly lookups: ChainLookups,
    private readonly leads: LeadsService,
    private readonly enterprises: EnterprisesService,
    private readonly leadFigures: FiguresService,
    private readonly agreements: AgreementsService,
    private readonly statuses: ChainStatuses,
  ) {}

  /** POST /chains: staff of the region; own segments or a template's. */
  async create(actor: Actor, input: CreateChainInput): Promise<{ id: number }> {
    this.access.assertRegionWritable(actor, input.regionCode);
    const template = input.templateKey ? chainTemplate(input.templateKey)! : null;
    const segments: SegmentInput[] =
      input.segments ??
      template!.segments.map((s, i) => ({
        name: s.name,
        position: i + 1,
        industryCodes: s.industryCodes,
        tier: s.tier,
        keywords: s.keywords ?? [],
      }));
    await this.checkPeople(input.regionCode, input.leaderUserId, input.anchorEnterpriseIds);
    return this.dataSource.transaction(async (m) => {
      const chain = m.create(Chain, {
        name: input.name ?? template!.name,
        regionCode: input.regionCode,
        regionPath: [...regions().path(input.regionCode)],
        templateKey: input.templateKey ?? null,
        leaderUserId: input.leaderUserId,
        anchorEnterpriseIds: input.anchorEnterpriseIds,
        strongMin: input.strongMin,
        weakMin: input.weakMin,
        createdBy: actor.userId,
      });
      await m.insert(Chain, chain);
      await this.writeSegments(m, chain.id, segments);
      await this.statuses.settle(m, chain);
      await this.statuses.announce(m, chain);
      await this.audit.record(m, { actor, action: 'chain.created', target: { type: 'chain', id: chain.id, region: chain.regionCode } });
      return { id: chain.id };
    });
  }

  /** PATCH /chains/:id: staff covering its region; `segments` replaces the list. */
  async update(actor: Actor, id: number, input: UpdateChainInput): Promise<ChainDetail> {
    await this.dataSource.transaction(async (m) => {
      const chain = await this.visible(actor, id, m, true);
      const strongMin = input.strongMin ?? chain.strongMin;
      const weakMin = input.weakMin ?? chain.weakMin;
      if (strongMin <= weakMin) throw validationFailed([{ field: 'strongMin', code: 'too_small', message: 'strongMin 应大于 weakMin' }]);
      await this.checkPeople(chain.regionCode, input.leaderUserId ?? null, input.anchorEnterpriseIds ?? []);
      const { segments, ...fields } = input;
      Object.assign(chain, fields, { strongMin, weakMin });
      await m.save(Chain, chain);
      if (segments) {
        await this.replaceSegments(m, id, segments);
      }
      await this.statuses.settle(m, chain);
      await this.statuses.announce(m, chain);
      await this.audit.record(m, {
        actor,
        action: 'chain.updated',
        target: { type: 'chain', id, region: chain.regionCode },
        detail: { fields: Object.keys(input) },
      });
    });
    return this.read(actor, id);
  }

  /** GET /chains: the chains of the caller's region subtree. */
  list(actor: Actor, q: ListChainsQuery) {
    return this.queries.list(staffScope(actor), q);
  }

  /** GET /chains/:id */
  async read(actor: Actor, id: number): Promise<ChainDetail> {
    const chain = await this.visible(actor, id);
    return this.detail(chain);
  }

  /** GET /chains/:id/map: per segment the local presence and its status. */
  async map(actor: Actor, id: number): Promise<ChainMap> {
    const detail = await this.read(actor, id);
    return { ...detail, presence: await this.queries.presence(detail.chain, detail.segments) };
  }

  /** GET /chains/:id/targets: enterprises outside the region fitting a gap or weak segment, ranked. */
  async targets(actor: Actor, id: number, q: TargetsQuery): Promise<{ items: ChainTarget[]; total: number; chain: Chain }> {
    const { chain, segments } = await this.read(actor, id);
    if (q.segmentId && !segments.some((s) => s.id === q.segmentId)) {
      throw validationFailed([{ field: 'segmentId', code: 'unknown', message: '该产业链没有这个环节' }]);
    }
    return { ...(await this.queries.liveTargets(chain, segments, q)), chain };
  }

  /** GET /chains/:id/targets/export: the ranked targets (first 5 000) as a sheet; audited. */
  async exportTargets(actor: Actor, id: number, q: TargetsExportQuery): Promise<{ file: Buffer; name: string }> {
    const { items, chain } = await this.targets(actor, id, { page: 1, pageSize: 5000, segmentId: q.segmentId });
    const headers = ['排名', '企业', '企业ID', '环节', '环节状态', '得分', '理由'];
    const rows = items.map((x, i) => [
      i + 1,
      x.enterpriseName,
      x.enterpriseId,
      x.segmentName,
      SEGMENT_STATUSES[x.status],
      x.score,
      x.reasons.join('；'),
    ]);
    await this.audit.record(null, {
      actor,
      action: 'chain.targets_exported',
      target: { type: 'chain', id, region: chain.regionCode },
      detail: { ...q, rows: rows.length },
    });
    const file = q.format === 'csv' ? writeCsv(headers, rows) : await writeXlsx([{ name: '招商目标', headers, rows }]);
    return { file, name: `产业链招商目标_${chain.name.replace(/[\\/:*?"<>|]/g, '_')}.${q.format}` };
  }

  /**
   * POST /chains/:id/leads: an officer turns a target into a lead of the chain's region (source
   * 产业链招商), through the leads service; the note carries the reasons. Only a current target
   * (outside the region, fitting a gap or weak segment) qualifies; an open lead of the same
   * enterprise and region is returned instead of a second one (`created: false`).
   */
  async createLead(actor: Actor, id: number, input: ChainLeadInput): Promise<CreatedLead & { reasons: string[] }> {
    const { chain, segments } = await this.read(actor, id);
    const q = { page: 1, pageSize: 1, segmentId: input.segmentId };
    if (input.segmentId && !segments.some((s) => s.id === input.segmentId)) {
      throw validationFailed([{ field: 'segmentId', code: 'unknown', message: '该产业链没有这个环节' }]);
    }
    const [target] = (await this.queries.liveTargets(chain, segments, q, input.enterpriseId)).items;
    if (!target)
      throw validationFailed([{ field: 'enterpriseId', code: 'not_a_target', message: '该企业不是本产业链缺链、弱链环节的招商目标' }]);
    const note = [`产业链招商：${chain.name}「${target.segmentName}」`, ...target.reasons].join('；').slice(0, 2000);
    const lead = await this.leads.create(actor, { enterpriseId: target.enterpriseId, regionCode: chain.regionCode, note }, 'chain');
    return { ...lead, reasons: target.reasons };
  }

  /** The chain form's choices: 链长 candidates (staff whose bureau covers the region). */
  async leaderChoices(actor: Actor, regionCode: string): Promise<Array<{ id: number; name: string; role: string; regionName: string }>> {
    if (!isStaff(actor) || !regions().has(regionCode) || !coversRegion(actor, regionCode)) return [];
    return (await this.lookups.staffCovering(regionCode)).map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      regionName: regions().fullName(u.regionCode ?? ''),
    }));
  }

  /** The chain form's 链主 lookup: enterprises registered in the region whose name or description matches `q` (first 10). */
  async anchorChoices(actor: Actor, regionCode: string, q: string): Promise<Array<{ id: number; name: string }>> {
    if (!q.trim() || !isStaff(actor) || !regions().has(regionCode) || !coversRegion(actor, regionCode)) return [];
    const page = await this.enterprises.browse(actor, { page: 1, pageSize: 10, region: regionCode, q: q.trim().slice(0, 100) });
    return page.items.map((e) => ({ id: e.id, name: e.name }));
  }

  /**
   * The project form's 补链 choices: the chains in the caller's region subtree and those of the
   * regions above it (a 尉氏县 project may serve a 开封市 chain), each with its segments in order.
   */
  async segmentChoices(
    actor: Actor,
  ): Promise<Array<{ chainLabel: string; segments: Array<{ id: number; name: string; status: SegmentStatus; statusLabel: string }> }>> {
    if (!isStaff(actor)) return [];
    const scope = staffScope(actor);
    const chains = await this.dataSource.manager
      .createQueryBuilder(Chain, 'c')
      .where(scope ? '(c.region_path @> ARRAY[:scope]::char(6)[] OR c.region_code = ANY(:above))' : 'TRUE', {
        scope,
        above: scope ? [...regions().path(scope)] : [],
      })
      .orderBy('c.id')
      .limit(100)
      .getMany();
    if (!chains.length) return [];
    const segments = await this.dataSource.manager.find(ChainSegment, {
      where: { chainId: In(chains.map((c) => c.id)) },
      order: { position: 'ASC' },
    });
    return chains.map((c) => ({
      chainLabel: chainLabel(regions().displayName(c.regionCode), c.name),
      segments: segments
        .filter((s) => s.chainId === c.id)
        .map((s) => ({ id: s.id, name: s.name, status: s.status, statusLabel: `${SEGMENT_STATUSES[s.status]}链` })),
    }));
  }

  /** Names of enterprises (the form's chosen 链主), in the order given; unknown ids are left out. */
  async enterpriseNames(ids: number[]): Promise<Array<{ id: number; name: string }>> {
    return (await this.lookups.enterprises(ids)).map((e) => ({ id: e.id, name: e.name }));
  }

  /**
   * GET /chains/:id/figures: 三个一批 (signed / started / producing: projects, increases, amounts)
   * of the chain's region for the period (default: this year so far), for the chain (leads with an
   * industry in any segment, each once) and per segment — the leads module's figures with the
   * segment's codes; 补链 leads (source 产业链招商, an industry in the chain) signed in the period;
   * and the agreements module's figures for the chain's leads.
   */
  async figures(actor: Actor, id: number, q: ChainFiguresQuery, opts: { segments?: boolean } = {}): Promise<ChainFigures> {
    const { chain, segments } = await this.read(actor, id);
    const all = [...new Set(segments.flatMap((s) => s.industryCodes))];
    const base = figuresQuery.parse({ region: chain.regionCode, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
    const milestones = async (industry: string[], opts: { source?: string[] } = {}) => {
      const f = await this.leadFigures.figures(actor, { ...base, industry }, opts);
      return { period: f.period, milestones: dashboardFrom(f).milestones };
    };
    const [total, bySegment, chainLeads] = await Promise.all([
      milestones(all),
      opts.segments === false ? Promise.resolve([]) : Promise.all(segments.map((s) => milestones(s.industryCodes))),
      milestones(all, { source: ['chain'] }),
    ]);
    const agreements = (
      await this.agreements.figuresByIndustries(actor, { region: chain.regionCode, from: total.period.from, to: total.period.to }, [
        { key: 0, industryCodes: all },
      ])
    ).get(0)!;
    return {
      chain,
      period: total.period,
      total: total.milestones,
      segments: bySegment.map((b, i) => ({ segment: segments[i], milestones: b.milestones })),
      chainLeadsSigned: chainLeads.milestones.find((m) => m.stage === 'signed')!.leads,
      agreements,
    };
  }

  /**
   * GET /chains/figures (the dashboard's 三个一批 by chain and segment, and its export): each chain
   * of the region subtree (within the caller's scope; first CHAINS_FIGURES_MAX by id) with the same
   * figures as GET /chains/:id/figures — one definition, the leads module's.
   */
  async figuresOverview(actor: Actor, q: ChainsFiguresQuery): Promise<ChainsFiguresOverview> {
    requireStaff(actor);
    const scope = effectiveRegion(actor, q.region);
    const page = await this.queries.list(scope, { page: 1, pageSize: CHAINS_FIGURES_MAX });
    const period = { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
    const items = await Promise.all(page.items.map((c) => this.figures(actor, c.id, period)));
    return { period: items[0]?.period ?? this.leadFigures.period(period), items, total: page.total };
  }

  /** GET /chains/figures/export: the overview, a row per segment and one per chain (with its 补链 leads and agreements); audited. */
  async exportFiguresOverview(actor: Actor, q: ChainsFiguresExportQuery): Promise<{ file: Buffer; name: string }> {
    const o = await this.figuresOverview(actor, q);
    const headers = ['产业链', ...CHAIN_FIGURE_HEADERS, '补链线索签约', '投资协议', '承诺投资（万元）', '到位资金（万元）', '到资率'];
    const rows: CellOut[][] = [];
    for (const f of o.items) {
      const label = chainLabel(regions().displayName(f.chain.regionCode), f.chain.name);
      for (const s of f.segments) rows.push([label, ...chainFigureRow(s.segment.name, s.milestones)]);
      const a = f.agreements;
      rows.push([
        label,
        ...chainFigureRow('全链合计（每条线索只计一次）', f.total),
        f.chainLeadsSigned,
        a.agreements.total,
        a.investment.pledgedYuan / 10_000,
        a.investment.capitalYuan / 10_000,
        a.investment.capitalRate,
      ]);
    }
    const note: CellOut[][] = [[`${o.period.from} 至 ${o.period.to}`, `产业链 ${o.items.length} 条（共 ${o.total} 条）`]];
    await this.audit.record(null, {
      actor,
      action: 'chain.figures_exported',
      target: { type: 'chain', id: null, region: effectiveRegion(actor, q.region) },
      detail: { ...q, chains: o.items.map((f) => f.chain.id), rows: rows.length },
    });
    const file =
      q.format === 'csv'
        ? writeCsv(headers, [...rows, ...note])
        : await writeXlsx([{ name: '产业链三个一批', headers, rows: [...rows, ...note] }]);
    return { file, name: `产业链三个一批_${o.period.from}_${o.period.to}.${q.format}` };
  }

  /** GET /chains/:id/figures/export: the same figures, a row per segment and one for the chain; audited. */
  async exportFigures(actor: Actor, id: number, q: ChainFiguresExportQuery): Promise<{ file: Buffer; name: string }> {
    const f = await this.figures(actor, id, q);
    const headers = CHAIN_FIGURE_HEADERS;
    const row = chainFigureRow;
    const rows = [...f.segments.map((s) => row(s.segment.name, s.milestones)), row('全链合计（每条线索只计一次）', f.total)];
    const note = [
      [
        `${f.period.from} 至 ${f.period.to}`,
        `补链线索（来源产业链招商）签约 ${f.chainLeadsSigned} 条`,
        `投资协议 ${f.agreements.agreements.total} 份`,
      ],
    ];
    await this.audit.record(null, {
      actor,
      action: 'chain.figures_exported',
      target: { type: 'chain', id, region: f.chain.regionCode },
      detail: { ...q, rows: rows.length },
    });
    const file =
      q.format === 'csv'
        ? writeCsv(headers, [...rows, ...note])
        : await writeXlsx([{ name: '三个一批', headers, rows: [...rows, ...note] }]);
    return { file, name: `产业链三个一批_${f.chain.name.replace(/[\\/:*?"<>|]/g, '_')}.${q.format}` };
  }

  /**
   * The enterprise side of a matched project (the caller has read the match): the chains of the
   * project's region (or a region above it) that the project's industries fall in — which segment,
   * its status (a 缺/弱 segment: the project fills or strengthens it), whether the enterprise's own
   * industries lie in it, and the chain's 链主 by name. Chains are the region's public programme.
   */
  async forProject(
    project: { regionCode: string; industryCodes: readonly string[] },
    enterpriseIndustryCodes: readonly string[],
  ): Promise<ProjectChainInfo[]> {
    if (!regions().has(project.regionCode) || !project.industryCodes.length) return [];
    const t = industries();
    const within = (codes: readonly string[], s: ChainSegment) =>
      codes.filter((c) => t.has(c) && s.industryCodes.some((sc) => t.isWithin(c, sc)));
    const chains = await this.dataSource.manager.find(Chain, {
      where: { regionCode: In([...regions().path(project.regionCode)]) },
      order: { id: 'ASC' },
      take: 20,
    });
    const out: ProjectChainInfo[] = [];
    for (const chain of chains) {
      const { segments, anchors } = await this.detail(chain);
      const hit = segments.filter((s) => within(project.industryCodes, s).length);
      if (!hit.length) continue;
      const presence = await this.queries.presence(chain, hit);
      for (const [i, s] of hit.entries()) {
        const status = presence[i].status;
        out.push({
          chainLabel: chainLabel(regions().displayName(chain.regionCode), chain.name),
          segmentName: s.name,
          status,
          reasons: [
            `本项目属于${chainLabel(regions().displayName(chain.regionCode), chain.name)}「${s.name}」环节` +
              (status === 'gap' ? '（本地缺链，属补链项目）' : status === 'weak' ? '（本地弱链，属强链项目）' : '（本地已有配套）'),
            ...(within(enterpriseIndustryCodes, s).length
              ? [
                  `贵企业主营「${within(enterpriseIndustryCodes, s)
                    .map((c) => t.get(c)?.name ?? c)
                    .join('、')}」，正属于该环节`,
                ]
              : []),
          ],
          anchors: anchors.map((a) => a.name),
        });
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  /** The chain if the caller's scope covers its region; 404 otherwise (it must not learn it exists). */
  private async visible(actor: Actor, id: number, m: EntityManager = this.dataSource.manager, lock = false): Promise<Chain> {
    const chain = await m.findOne(Chain, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!chain || !isStaff(actor) || !coversRegion(actor, chain.regionCode)) throw notFound('产业链');
    return chain;
  }

  private async detail(chain: Chain): Promise<ChainDetail> {
    const segments = await this.dataSource.manager.find(ChainSegment, { where: { chainId: chain.id }, order: { position: 'ASC' } });
    const leader = chain.leaderUserId ? await this.lookups.staffUser(chain.leaderUserId) : null;
    const anchors = await this.lookups.enterprises(chain.anchorEnterpriseIds);
    return { chain, segments, leaderName: leader?.name ?? null, anchors };
  }

  /**
   * A new segment list: a segment keeps its id where its position stays (so 补链 project tags and
   * stored matches still name it), new positions are inserted, dropped ones deleted (their
   * projects' tags cleared by the foreign key).
   */
  private async replaceSegments(m: EntityManager, chainId: number, segments: SegmentInput[]): Promise<void> {
    const existing = new Map((await m.find(ChainSegment, { where: { chainId } })).map((s) => [s.position, s]));
    const positions = new Set(segments.map((s) => s.position));
    const gone = [...existing.values()].filter((s) => !positions.has(s.position)).map((s) => s.id);
    if (gone.length) await m.delete(ChainSegment, { id: In(gone) });
    const added: SegmentInput[] = [];
    for (const s of segments) {
      const old = existing.get(s.position);
      if (!old) added.push(s);
      else
        await m.update(ChainSegment, { id: old.id }, { name: s.name, tier: s.tier, industryCodes: s.industryCodes, keywords: s.keywords });
    }
    if (added.length) await this.writeSegments(m, chainId, added);
  }

  private async writeSegments(m: EntityManager, chainId: number, segments: SegmentInput[]): Promise<void> {
    const rows = [...segments].sort((a, b) => a.position - b.position).map((s) => m.create(ChainSegment, { ...s, chainId }));
    await m.insert(ChainSegment, rows);
  }

  /** 链长: an active officer or bureau lead whose bureau covers the chain's region. 链主: enterprises of the region. */
  private async checkPeople(regionCode: string, leaderUserId: number | null, anchorIds: number[]): Promise<void> {
    const errors: FieldError[] = [];
    if (leaderUserId) {
      const u = await this.lookups.staffUser(leaderUserId);
      const ok = u && (u.role === 'officer' || u.role === 'bureau_lead') && u.regionCode && regions().isWithin(regionCode, u.regionCode);
      if (!ok) errors.push({ field: 'leaderUserId', code: 'invalid', message: '链长应为负责该地区的招商专员或局负责人' });
    }
    if (anchorIds.length) {
      const found = await this.lookups.enterprises(anchorIds);
      const local = found.filter((e) => e.homeRegionPath.includes(regionCode));
      if (local.length !== anchorIds.length)
        errors.push({ field: 'anchorEnterpriseIds', code: 'invalid', message: '链主企业应为本地区已入驻的企业' });
    }
    if (errors.length) throw validationFailed(errors);
  }
}
