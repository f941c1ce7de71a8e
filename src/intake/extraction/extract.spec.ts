import { extractDrafts } from './extract.js';

const report = [
  '2021年尉氏县政府工作报告',
  '各位代表:2020年,全县GDP完成431.8亿元。98个项目集中开工,总投资120.14亿元。成功签约307个亿元以上招商项目。',
  '加快推进尉北污水处理厂建设。计划投资6800万元,完成尉北污水处理厂建设。',
  '加快推进总投资14.85亿元的城区基础设施提升改造PPP项目。引进了立邦汽车漆、千味央厨等重大项目。',
  '计划投资5.5亿元,启动洛宁抽水蓄能电站建设。',
].join('');

describe('extractDrafts', () => {
  const { regionCode, drafts } = extractDrafts({ title: '2021年尉氏县政府工作报告', text: report });
  const projects = drafts.filter((d) => d.kind === 'project');
  const byTitle = (t: string) => projects.find((d) => d.kind === 'project' && d.fields.title === t);

  it('recognises the document region from its title', () => {
    expect(regionCode).toBe('410223');
    expect(extractDrafts({ title: '报告', text: report, regionCode: '410200' }).regionCode).toBe('410200');
  });

  it('makes one draft of a project named twice, with evidence for both mentions', () => {
    const d = byTitle('尉北污水处理厂');
    expect(d?.fields).toMatchObject({ investmentYuan: 68_000_000, regionCode: '410223', year: 2021, industryCodes: ['D4620'] });
    expect(d?.evidence.filter((e) => e.field === 'title')).toHaveLength(2);
  });

  it('gives exact amounts, stages and industries', () => {
    expect(byTitle('城区基础设施提升改造PPP项目')?.fields).toMatchObject({ investmentYuan: 1_485_000_000, stage: '开工' });
    expect(byTitle('立邦汽车漆项目')?.fields).toMatchObject({ industryCodes: ['C2641'], stage: '签约', investmentYuan: null });
  });

  it('takes the region named in the project', () => {
    expect(byTitle('洛宁抽水蓄能电站')?.fields.regionCode).toBe('410328');
  });

  it('never drafts aggregates or statistics', () => {
    const amounts = projects.map((d) => (d.kind === 'project' ? d.fields.investmentYuan : null));
    expect(amounts).not.toContain(12_014_000_000);
    expect(amounts).not.toContain(43_180_000_000);
    expect(projects.map((d) => (d.kind === 'project' ? d.fields.title : ''))).not.toContain('307个亿元以上招商项目');
  });

  it('ties every piece of evidence to the text', () => {
    for (const d of drafts) for (const e of d.evidence) expect(report.slice(e.start, e.end)).toBe(e.quote);
  });

  it('drafts incentives with eligibility conditions, and the policy they form', () => {
    const text = '入库培育企业将在项目审批中享受“绿色通道”。对投资1亿元以上的项目,给予最高500万元奖补。';
    const out = extractDrafts({ title: '河南108家产教融合型企业入库培育', text, regionCode: '410000' });
    const incentives = out.drafts.filter((d) => d.kind === 'incentive');
    expect(incentives.map((d) => d.kind === 'incentive' && d.fields.kind)).toEqual(['fast_track', 'subsidy']);
    const [fast, subsidy] = incentives;
    expect(fast.kind === 'incentive' && fast.fields.conditions).toEqual([
      { type: 'certification', anyOf: ['industry_education_integration'] },
    ]);
    expect(subsidy.kind === 'incentive' && subsidy.fields).toMatchObject({ maxAmountYuan: 5_000_000 });
    expect(subsidy.kind === 'incentive' && subsidy.fields.conditions).toContainEqual({ type: 'minInvestment', yuan: 100_000_000 });
    expect(out.drafts[0]).toMatchObject({ kind: 'policy', fields: { regionCode: '410000' } });
  });

  // Sentences written for these rules (not from the seeds or the eval fixtures).
  it('keeps a later phase apart from the project it extends', () => {
    const text = '汴西湖文旅小镇项目建成投产。持续推进汴西湖文旅小镇二期。';
    const titles = extractDrafts({ title: '开封市政府工作报告', text }).drafts.map((d) => d.kind === 'project' && d.fields.title);
    expect(titles).toEqual(['汴西湖文旅小镇项目', '汴西湖文旅小镇二期']);
  });

  it('takes the region from the site after the name and from the host of a signing, not from the partner', () => {
    const region = (text: string) =>
      extractDrafts({ title: '报告', text, regionCode: '410200' }).drafts.map((d) => d.kind === 'project' && d.fields.regionCode);
    expect(region('投资30亿元的智能客车产业园项目落户郑州航空港经济综合实验区。')).toEqual(['410173']);
    expect(region('通许县与上海一家企业签约年产8万吨食品加工项目。')).toEqual(['410222']);
  });
});
