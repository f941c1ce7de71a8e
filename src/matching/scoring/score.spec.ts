import { industries } from '../../reference/industries.js';
import { regions } from '../../reference/regions.js';
import { searchText } from '../../platform/text/segmenter.js';
import { loadConfig } from '../../platform/config/config.js';
import { scoringConfig } from '../matching.engine.js';
import { DEFAULT_SCORING, FACTORS, normalisedWeights, parseWeights, type ScoringConfig } from './config.js';
import {
  industryFit,
  investmentFit,
  isMatch,
  ProjectProfile,
  regionFit,
  scoreMatch,
  type MatchEnterprise,
  type MatchIncentive,
  type MatchProject,
} from './score.js';
import { ChainIndex, type ChainFact } from './chains.js';
import { decodeVerdict, encodeVerdict } from './stored.js';
import { isContentTerm, showShared, termTable, textFit } from './text.js';

const t = industries();
const r = regions();
const ctx = (config: ScoringConfig = DEFAULT_SCORING) => ({ regions: r, industries: t, today: '2026-06-01', config });

const pigFarm: MatchEnterprise = {
  id: 1,
  industryCodes: ['A0313', 'C1351'],
  homeRegionCode: '410221', // 杞县
  targetRegionCodes: ['410223'], // 尉氏县
  investmentMinYuan: 300_000_000,
  investmentMaxYuan: 1_000_000_000,
  size: 'large',
  verifiedCertifications: ['industry_education_integration'],
  pendingCertifications: ['high_tech'],
  certificationsValidUntil: {},
  needLandMu: 1500,
  tokens: searchText(
    '河南牧丰农牧科技有限公司',
    '生猪养殖、饲料加工、生猪屠宰一体化，与职业院校共建畜牧兽医实训基地',
    '需设施农用地',
  ).split(' '),
};

const cjrh: MatchIncentive = {
  id: 11,
  title: '产教融合型企业项目审批“绿色通道”',
  conditions: [{ type: 'certification', anyOf: ['industry_education_integration'] }],
  policy: { regionCode: '410000', validFrom: '2023-06-01', validTo: '2027-12-31' },
};
const highTech: MatchIncentive = {
  id: 12,
  title: '高新技术企业研发费用补贴',
  conditions: [{ type: 'certification', anyOf: ['high_tech'] }],
  policy: { regionCode: '410200', validFrom: '2023-01-01', validTo: null },
};
const littleGiant: MatchIncentive = {
  id: 13,
  title: '专精特新“小巨人”奖励',
  conditions: [{ type: 'certification', anyOf: ['little_giant'] }],
  policy: { regionCode: '410000', validFrom: '2023-01-01', validTo: null },
};

const pigPark: MatchProject = {
  id: 7,
  title: '尉氏县生猪现代农业产业园项目',
  description: '规划建设标准化生猪养殖基地、饲料加工、生猪屠宰及肉制品精深加工设施，欢迎与职业院校共建畜牧兽医实训基地。',
  regionCode: '410223',
  industryCodes: ['A0313', 'C1353'],
  totalInvestmentYuan: 800_000_000,
  stage: 'open',
  status: 'published',
  incentives: [cjrh, highTech, littleGiant],
};

describe('industry fit (GB/T 4754)', () => {
  it('ranks same class > inside the project field > same group, and stops there', () => {
    expect(industryFit(['C1351'], ['C1351'], t)).toEqual({ fit: 1, reason: '同为「C1351 牲畜屠宰」' });
    expect(industryFit(['C3491'], ['C34'], t)).toMatchObject({
      fit: 1,
      reason: '企业行业「C3491 工业机器人制造」属于项目招商行业「C34 通用设备制造业」',
    });
    expect(industryFit(['C1351'], ['C1353'], t)).toMatchObject({
      fit: 0.75,
      reason: expect.stringContaining('同属「C135 屠宰及肉类加工」'),
    });
    expect(industryFit(['C135'], ['C1353'], t)).toMatchObject({
      fit: 0.75,
      reason: '企业行业「C135 屠宰及肉类加工」涵盖项目招商行业「C1353 肉制品及副产品加工」',
    });
    expect(industryFit(['C13'], ['C1353'], t)).toEqual({
      fit: 0.5,
      reason: '企业只填写了「C13 农副食品加工业」，无法判断与项目行业「C1353 肉制品及副产品加工」是否吻合',
    });
    expect(industryFit(['C1312'], ['C1372'], t)).toMatchObject({
      fit: 0.35,
      reason: expect.stringContaining('仅同属大类「C13 农副食品加工业」'),
    });
    expect(industryFit(['C1312'], ['C3491'], t)).toMatchObject({ fit: 0.1, reason: expect.stringContaining('仅同属门类') });
    expect(industryFit(['F5292'], ['C3491'], t)).toMatchObject({ fit: 0, reason: expect.stringContaining('行业不相关') });
  });

  it('takes the best pair over all of the enterprise industries', () => {
    expect(industryFit(['F5292', 'C1312', 'A0313'], ['A0313', 'C3491'], t).fit).toBe(1);
  });

  it('gives a project that names only a whole section (门类) too little to match', () => {
    expect(industryFit(['C3491'], ['C'], t)).toEqual({ fit: 0.35, reason: '项目只标明了门类「C 制造业」，无法判断行业是否吻合' });
  });
});

describe('region fit (GB/T 2260)', () => {
  const e = (targetRegionCodes: string[], homeRegionCode = '440305') => ({ targetRegionCodes, homeRegionCode });
  it('scores a target county > city > province', () => {
    expect(regionFit(e(['410223']), '410223', r)).toEqual({ fit: 1, reason: '项目位于意向投资地「河南省开封市尉氏县」' });
    expect(regionFit(e(['410200']), '410223', r)).toEqual({
      fit: 0.9,
      reason: '项目所在地「河南省开封市尉氏县」在意向投资地「河南省开封市」内',
    });
    expect(regionFit(e(['410000']), '410223', r).fit).toBe(0.7);
    expect(regionFit(e(['410000', '410223']), '410223', r).fit).toBe(1);
  });
  it('falls back to the home county and home city', () => {
    expect(regionFit(e([], '410223'), '410223', r)).toEqual({ fit: 0.6, reason: '项目位于企业注册地「河南省开封市尉氏县」' });
    expect(regionFit(e(['320500'], '410221'), '410223', r)).toMatchObject({
      fit: 0.45,
      reason: expect.stringContaining('与企业注册地同属「河南省开封市」'),
    });
  });
  it('is zero elsewhere, saying where the enterprise wants to go', () => {
    expect(regionFit(e(['411300']), '410223', r)).toEqual({
      fit: 0,
      reason: '项目所在地「河南省开封市尉氏县」不在意向投资地区（河南省南阳市）内',
    });
  });
});

describe('investment fit', () => {
  it('is full inside the range and falls off outside it (zero at half the minimum / twice the maximum)', () => {
    expect(investmentFit(800_000_000, 300_000_000, 1_000_000_000)).toEqual({
      fit: 1,
      reason: '项目总投资 8 亿元，在计划投资 3–10 亿元之内',
    });
    expect(investmentFit(1_500_000_000, 300_000_000, 1_000_000_000)).toMatchObject({
      fit: 0.42,
      reason: '项目总投资 15 亿元，高于计划投资 3–10 亿元（接近上限）',
    });
    expect(investmentFit(2_000_000_000, 300_000_000, 1_000_000_000).fit).toBe(0);
    expect(investmentFit(200_000_000, 300_000_000, 1_000_000_000)).toMatchObject({ fit: 0.42, reason: expect.stringContaining('低于') });
    expect(investmentFit(100_000_000, 300_000_000, 1_000_000_000)).toEqual({ fit: 0, reason: '项目总投资 1 亿元，低于计划投资 3–10 亿元' });
  });
  it('handles open ranges and a missing range', () => {
    expect(investmentFit(800_000_000, 300_000_000, null).fit).toBe(1);
    expect(investmentFit(800_000_000, null, 500_000_000).fit).toBeCloseTo(0.32, 2);
    expect(investmentFit(800_000_000, null, null)).toEqual({ fit: 0.5, reason: '企业未填写计划投资额（项目总投资 8 亿元）' });
  });
});

describe('text relevance', () => {
  it('keeps place names whole and does not count them, nor boilerplate', () => {
    expect(isContentTerm('尉氏县', r)).toBe(false);
    expect(isContentTerm('尉氏', r)).toBe(false);
    expect(isContentTerm('建设', r)).toBe(false);
    expect(isContentTerm('生猪', r)).toBe(true);
    const table = termTable(searchText('尉氏县生猪产业园建设项目').split(' '), r);
    expect([...table.hashes.keys()]).toEqual(['生猪']);
  });
  it('names the shared words, longest first, without repeating words inside them', () => {
    const table = termTable(searchText('生猪屠宰及肉制品精深加工，共建畜牧兽医实训基地').split(' '), r);
    const fit = textFit(searchText('生猪屠宰、肉制品加工企业，与职业院校共建实训基地').split(' '), table);
    expect(fit.fit).toBe(1);
    expect(fit.shared).toEqual(expect.arrayContaining(['肉制品', '制品']));
    const shown = showShared(fit.shared);
    expect(shown).toContain('肉制品');
    expect(shown).not.toContain('制品');
    expect(shown.length).toBeLessThanOrEqual(5);
    expect(textFit(searchText('跨境电商保税仓').split(' '), table)).toMatchObject({ fit: 0, shared: [] });
  });
});

describe('the match score', () => {
  it('explains every factor, in points that add up to the score', () => {
    const m = scoreMatch(pigFarm, pigPark, ctx());
    expect(m.excluded).toBeNull();
    expect(m.breakdown.map((b) => b.factor)).toEqual([...FACTORS]);
    const sum = m.breakdown.reduce((s, b) => s + b.fit * b.weight, 0);
    expect(m.score).toBe(Math.round(sum));
    expect(m.breakdown.find((b) => b.factor === 'industry')).toMatchObject({
      fit: 1,
      weight: 30,
      points: 30,
      reason: '同为「A0313 猪的饲养」',
    });
    expect(m.breakdown.find((b) => b.factor === 'region')?.reason).toBe('项目位于意向投资地「河南省开封市尉氏县」');
    expect(m.reasons[0]).toBe('行业：同为「A0313 猪的饲养」');
    expect(isMatch(m, DEFAULT_SCORING)).toBe(true);
  });

  it('keeps eligible incentives apart from those needing more information; ineligible ones are neither', () => {
    const m = scoreMatch(pigFarm, pigPark, ctx());
    expect(m.eligibleIncentiveIds).toEqual([11]);
    expect(m.needsInfoIncentiveIds).toEqual([12]);
    const inc = m.breakdown.find((b) => b.factor === 'incentives')!;
    expect(inc.reason).toBe(
      '可享受 1 项扶持：「产教融合型企业项目审批“绿色通道”」；另有 1 项需补充信息（已申报高新技术企业，待主管部门核验）',
    );
    expect(inc.fit).toBeCloseTo(1 - 0.5 ** 1.5, 2);
    const none = scoreMatch({ ...pigFarm, verifiedCertifications: [], pendingCertifications: [] }, pigPark, ctx());
    expect(none.eligibleIncentiveIds).toEqual([]);
    expect(none.breakdown.find((b) => b.factor === 'incentives')).toMatchObject({
      fit: 0,
      reason: expect.stringContaining('暂不符合条件（需取得产教融合型企业认定）'),
    });
  });

  it('ranks open projects over planned and signed ones, and never matches closed or unpublished ones', () => {
    const at = (stage: MatchProject['stage'], status: MatchProject['status'] = 'published') =>
      scoreMatch(pigFarm, { ...pigPark, stage, status }, ctx());
    expect(at('open').score).toBeGreaterThan(at('planning').score);
    expect(at('planning').score).toBeGreaterThan(at('signed').score);
    expect(at('closed').excluded).toEqual({ factor: 'stage', reason: '项目已关闭' });
    expect(at('open', 'draft').excluded).toEqual({ factor: 'status', reason: '项目未发布' });
  });

  it('excludes a project outside every region the enterprise cares about, or in an unrelated industry', () => {
    const far = scoreMatch(pigFarm, { ...pigPark, regionCode: '320506' }, ctx());
    expect(far.excluded?.factor).toBe('region');
    const unrelated = scoreMatch(pigFarm, { ...pigPark, industryCodes: ['C1312'] }, ctx()); // same division C13 only
    expect(unrelated.excluded).toMatchObject({ factor: 'industry', reason: expect.stringContaining('仅同属大类') });
  });

  it('takes its weights and threshold from the configuration', () => {
    const textHeavy = { ...DEFAULT_SCORING, weights: parseWeights('text=100,industry=0,region=0,investment=0,incentives=0,stage=0') };
    const m = scoreMatch({ ...pigFarm, tokens: ['跨境'] }, pigPark, ctx(textHeavy));
    expect(m.score).toBe(0);
    expect(isMatch(scoreMatch(pigFarm, pigPark, ctx({ ...DEFAULT_SCORING, threshold: 101 })), DEFAULT_SCORING)).toBe(true);
    expect(isMatch(scoreMatch(pigFarm, pigPark, ctx()), { ...DEFAULT_SCORING, threshold: 101 })).toBe(false);
  });

  it('reuses a compiled project across enterprises with the same answers as a fresh one', () => {
    const profile = new ProjectProfile(pigPark, ctx());
    const others: MatchEnterprise[] = [
      pigFarm,
      { ...pigFarm, id: 2, targetRegionCodes: ['410000'], investmentMinYuan: null, investmentMaxYuan: null },
      { ...pigFarm, id: 3, industryCodes: ['C1353'], verifiedCertifications: [] },
      pigFarm,
    ];
    for (const e of others) expect(profile.score(e)).toEqual(scoreMatch(e, pigPark, ctx()));
  });
});

describe('the chain factor (产业链)', () => {
  // 尉氏县 肉制品 chain: 屠宰 is a gap, 肉制品加工 weak, 生猪养殖 strong; a 开封市 chain over it
  const chains: ChainFact[] = [
    {
      id: 1,
      regionCode: '410223',
      label: '尉氏县肉制品产业链',
      segments: [
        { id: 101, name: '生猪养殖', position: 1, status: 'strong', industryCodes: ['A0313'] },
        { id: 102, name: '屠宰', position: 2, status: 'gap', industryCodes: ['C1351'] },
        { id: 103, name: '肉制品加工', position: 3, status: 'weak', industryCodes: ['C1353'] },
      ],
    },
    {
      id: 2,
      regionCode: '410200',
      label: '开封市汽车零部件产业链',
      segments: [{ id: 201, name: '涂料', position: 1, status: 'gap', industryCodes: ['C264'] }],
    },
  ];
  const withChains = (list: ChainFact[] = chains, config = DEFAULT_SCORING) => ({ ...ctx(config), chains: new ChainIndex(list) });
  const factor = (m: ReturnType<typeof scoreMatch>) => m.breakdown.find((b) => b.factor === 'chain')!;

  it('gives a gap full fit and a weak segment 0.6, naming the chain, the segment and the enterprise industry in it', () => {
    const gap = scoreMatch(pigFarm, pigPark, withChains()); // C1351 lies in the gap 屠宰 (A0313 in the strong one does not count)
    expect(factor(gap)).toMatchObject({
      fit: 1,
      reason: '企业主营「C1351 牲畜屠宰」，可补齐尉氏县肉制品产业链「屠宰」环节（本地缺链）',
    });
    const weak = scoreMatch({ ...pigFarm, industryCodes: ['C1353'] }, pigPark, withChains());
    expect(factor(weak)).toMatchObject({
      fit: 0.6,
      reason: '企业主营「C1353 肉制品及副产品加工」，可强化尉氏县肉制品产业链「肉制品加工」环节（本地弱链）',
    });
    // a chain of a region above the project's counts too; a segment's code covers the codes below it
    const paint = scoreMatch({ ...pigFarm, industryCodes: ['A0313', 'C2641'] }, { ...pigPark, industryCodes: ['A0313'] }, withChains());
    expect(factor(paint).reason).toBe('企业主营「C2641 涂料制造」，可补齐开封市汽车零部件产业链「涂料」环节（本地缺链）');
  });

  it('ranks the enterprise that fills a gap above an otherwise equal one, and shows it among the highlights', () => {
    const filler = scoreMatch(pigFarm, pigPark, withChains());
    const other = scoreMatch({ ...pigFarm, industryCodes: ['A0313'] }, pigPark, withChains());
    expect(factor(other)).toMatchObject({ fit: 0, reason: '企业所属行业不在项目所在地区产业链的缺链、弱链环节' });
    expect(filler.score).toBeGreaterThan(other.score);
    expect(filler.reasons).toContain(`产业链：${factor(filler).reason}`);
    expect(factor(filler).weight).toBeCloseTo((10 * 100) / 110, 1); // DEFAULT_WEIGHTS: chain 10 of 110
    expect(Math.abs(filler.breakdown.reduce((s, b) => s + b.fit * b.weight, 0) - filler.score)).toBeLessThanOrEqual(0.5);
  });

  it('leaves its weight out where the region has no gap or weak segment, so scores there are as without chains', () => {
    const without = scoreMatch(pigFarm, pigPark, ctx());
    const strongOnly = withChains([{ ...chains[0], segments: [chains[0].segments[0]] }]);
    for (const c of [ctx(), strongOnly, withChains(chains.map((x) => ({ ...x, regionCode: '411300' })))]) {
      const m = scoreMatch(pigFarm, pigPark, c);
      expect(m.score).toBe(without.score);
      expect(factor(m)).toMatchObject({ fit: 0, weight: 0, points: 0, reason: '项目所在地区的产业链暂无缺链、弱链环节' });
    }
    expect(factor(without).weight).toBe(0);
    expect(scoreMatch(pigFarm, pigPark, withChains(chains, { ...DEFAULT_SCORING, weights: parseWeights('chain=0') })).score).toBe(
      without.score,
    );
  });

  it('stores the segment it found and reads it back word for word; a segment gone since reads as pending', () => {
    const profile = new ProjectProfile(pigPark, withChains());
    const ev = profile.evaluate(pigFarm);
    const stored = {
      score: ev.score,
      verdict: profile.verdict(ev),
      eligibleIncentiveIds: ev.eligibleIncentiveIds,
      needsInfoIncentiveIds: ev.needsInfoIncentiveIds,
    };
    expect(decodeVerdict(stored.verdict)!.sections.chain).toEqual({ kind: 2, segment: 102, e: 'C1351' });
    const reader = new ProjectProfile(profile.project, withChains(), { tokens: [], renderMemo: false });
    expect(reader.explain(reader.revive(stored, { ...pigFarm, tokens: [] })!)).toEqual({ ...profile.explain(ev), excluded: null });
    const edited = new ProjectProfile(profile.project, withChains([chains[1]]), { tokens: [], renderMemo: false });
    expect(factor(edited.explain(edited.revive(stored, { ...pigFarm, tokens: [] })!)).reason).toBe('产业链环节已调整，待重新计算');
  });

  it('changes the fingerprint when a segment status changes (the re-match rewrites the pair)', () => {
    const fp = (list: ChainFact[]) => new ProjectProfile(pigPark, withChains(list)).evaluate(pigFarm).fingerprint;
    const weakened = [
      { ...chains[0], segments: chains[0].segments.map((s) => (s.id === 102 ? { ...s, status: 'weak' as const } : s)) },
      chains[1],
    ];
    expect(fp(weakened)).not.toBe(fp(chains));
    expect(fp(chains)).toBe(fp(chains));
  });
});

describe('weights configuration', () => {
  it('parses a subset and normalises to 100 points', () => {
    const w = parseWeights('industry=60');
    expect(w.industry).toBe(60);
    expect(w.region).toBe(20);
    const n = normalisedWeights(w);
    expect(Object.values(n).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });
  it('comes from the environment, a bad value stopping the process with one line naming it', () => {
    expect(scoringConfig(loadConfig({ MATCH_WEIGHTS: 'industry=40,text=5', MATCH_THRESHOLD: '60' }))).toMatchObject({
      threshold: 60,
      weights: { industry: 40, text: 5, region: 20 },
    });
    expect(() => loadConfig({ MATCH_WEIGHTS: 'luck=5' })).toThrow(/^Configuration error: MATCH_WEIGHTS must be factor=weight pairs/);
    expect(() => loadConfig({ MATCH_THRESHOLD: '101' })).toThrow(/MATCH_THRESHOLD/);
  });

  it('refuses unknown factors and malformed parts', () => {
    expect(() => parseWeights('luck=5')).toThrow(/unknown factor "luck"/);
    expect(() => parseWeights('industry')).toThrow(/not factor=weight/);
    expect(() => parseWeights('industry=0,region=0,investment=0,incentives=0,text=0,stage=0,chain=0')).toThrow(/zero/);
  });
});

describe('the stored form (verdict)', () => {
  const readBack = (profile: ProjectProfile, e: MatchEnterprise) => {
    const ev = profile.evaluate(e);
    const stored = {
      score: ev.score,
      verdict: profile.verdict(ev),
      eligibleIncentiveIds: ev.eligibleIncentiveIds,
      needsInfoIncentiveIds: ev.needsInfoIncentiveIds,
    };
    // read by a profile compiled afresh from the project, without its text, and the enterprise without its tokens
    const reader = new ProjectProfile(profile.project, ctx(), { tokens: [], renderMemo: false });
    return { fresh: profile.explain(ev), read: reader.explain(reader.revive(stored, { ...e, tokens: [] })!), bytes: stored.verdict.length };
  };

  it('reads back word for word what the evaluation explains: every factor, its fit, points and reason, and the highlights', () => {
    const profile = new ProjectProfile(pigPark, ctx());
    const cases: MatchEnterprise[] = [
      pigFarm,
      { ...pigFarm, id: 5, targetRegionCodes: ['410000'], tokens: [] }, // a province as target, no shared words
      { ...pigFarm, id: 6, verifiedCertifications: [] }, // needs-info only
      { ...pigFarm, id: 8, verifiedCertifications: [], pendingCertifications: [] }, // nothing met: the unmet condition is quoted
      { ...pigFarm, id: 9, industryCodes: ['C135'], targetRegionCodes: [], investmentMinYuan: null, investmentMaxYuan: null }, // covers, home county, no range
      { ...pigFarm, id: 10, industryCodes: ['F5292'], homeRegionCode: '411300', targetRegionCodes: ['411300'] }, // unrelated, elsewhere
    ];
    for (const e of cases) {
      const { fresh, read, bytes } = readBack(profile, e);
      // only matches are stored (never an excluded pair), but the text of one that is not reads back too
      expect(read).toEqual({ ...fresh, excluded: null });
      expect(bytes).toBeLessThan(80);
    }
    expect(readBack(profile, cases[3]).read.breakdown[3].reason).toMatch(/^项目所附 3 项扶持暂不符合条件（需取得/);
    expect(readBack(profile, pigFarm).read.breakdown[3].reason).toContain('「产教融合型企业项目审批“绿色通道”」');
  });

  it('keeps each stage, and a project without incentives', () => {
    for (const stage of ['planning', 'signed', 'started', 'producing'] as const) {
      const { fresh, read } = readBack(new ProjectProfile({ ...pigPark, stage, incentives: [] }, ctx()), pigFarm);
      expect(read).toEqual(fresh);
    }
  });

  it('packs industry codes of every shape and stays readable when a factor is added later', () => {
    const sections = (e: string, p: string, ca: string | null) => ({
      industry: { kind: 8, e, p, ca },
      region: { kind: 0, at: '410223' },
      investment: null,
      incentives: { attached: 2, unmet: 77 },
      text: ['生猪屠宰', '饲料'],
      stage: 'open' as const,
      chain: { kind: 2, segment: 4711, e: 'C2641' },
    });
    for (const [e, p, ca] of [
      ['A0313', 'A', 'A03'],
      ['C1351', 'C13', null],
      ['T', 'Z9', 'X-1'],
    ] as const) {
      const v = decodeVerdict(encodeVerdict({ fits: [0.75, 1, 0.45, 0, 0.33, 0.1, 1], sections: sections(e, p, ca) }))!;
      expect(v.sections.industry).toEqual({ kind: 8, e, p, ca });
      expect(v.sections).toMatchObject({
        region: { at: '410223' },
        incentives: { attached: 2, unmet: 77 },
        text: ['生猪屠宰', '饲料'],
        stage: 'open',
        chain: { kind: 2, segment: 4711, e: 'C2641' },
      });
      expect(v.fits).toEqual([0.75, 1, 0.45, 0, 0.33, 0.1, 1]);
    }
    // a row written when there were fewer factors: the ones it has read as stored, the new one is absent
    const old = Buffer.from(encodeVerdict({ fits: [1, 1, 1, 1, 1, 1, 1], sections: sections('A0313', 'A0313', null) }));
    const chainBytes = 1 + 2 + 3; // kind · segment 4711 (two varint bytes) · C2641 (three)
    old[1] = 6; // "six factors stored" (before `chain`) — drop the last fit and the chain section
    const shorter = Buffer.concat([old.subarray(0, 8), old.subarray(9, old.length - chainBytes)]);
    const v = decodeVerdict(shorter)!;
    expect(v.fits).toEqual([1, 1, 1, 1, 1, 1]);
    expect(v.sections.chain).toBeUndefined();
    expect(v.sections.stage).toBe('open');
    expect(v.sections.text).toEqual(['生猪屠宰', '饲料']);
    expect(decodeVerdict(Buffer.from([2, 0]))).toBeNull(); // a layout this version does not know
  });
});

describe('fingerprint', () => {
  it('is equal for equal results and changes with anything shown', () => {
    const fp = (e: MatchEnterprise, p: MatchProject, config = DEFAULT_SCORING) =>
      new ProjectProfile(p, ctx(config)).evaluate(e).fingerprint;
    const a = fp(pigFarm, pigPark);
    expect(new ProjectProfile(pigPark, ctx()).evaluate(pigFarm).fingerprint).toBe(a);
    expect(fp(pigFarm, { ...pigPark, totalInvestmentYuan: 900_000_000 })).not.toBe(a);
    expect(fp({ ...pigFarm, pendingCertifications: [] }, pigPark)).not.toBe(a);
    expect(fp({ ...pigFarm, tokens: pigFarm.tokens.filter((x) => x !== '屠宰') }, pigPark)).not.toBe(a);
    expect(fp(pigFarm, pigPark, { ...DEFAULT_SCORING, weights: parseWeights('text=20') })).not.toBe(a);
  });
});
