import { findProjectMentions } from './projects.js';

const projects = (text: string) =>
  findProjectMentions(text)
    .filter((m) => m.kind === 'project')
    .map((m) => [m.name, m.amount?.value ?? null, m.stage]);

describe('findProjectMentions', () => {
  it('takes the project name without its leading verbs, with its own amount', () => {
    expect(projects('加快推进总投资14.85亿元的城区基础设施提升改造PPP项目。')).toEqual([
      ['城区基础设施提升改造PPP项目', 1_485_000_000, '开工'],
    ]);
    expect(projects('计划投资11亿元,开工建设三中迁建项目。')).toEqual([['三中迁建项目', 1_100_000_000, '开工']]);
  });

  it('splits a list before 等…项目', () => {
    expect(projects('引进了立邦汽车漆、千味央厨等重大项目。').map((p) => p[0])).toEqual(['立邦汽车漆', '千味央厨']);
  });

  it('reports counts and totals as aggregates, never as projects', () => {
    const text = '98个项目集中开工,总投资120.14亿元。成功签约307个亿元以上招商项目。省重点项目完成投资59.5亿元。';
    const found = findProjectMentions(text);
    expect(found.filter((m) => m.kind === 'project')).toEqual([]);
    expect(found.some((m) => m.kind === 'aggregate')).toBe(true);
  });

  it('names the project, not the count, in "A等204个项目开工建设"', () => {
    const found = findProjectMentions('航空航天智创产业园等204个项目开工建设。');
    expect(found.map((m) => [m.kind, m.name])).toEqual([
      ['project', '航空航天智创产业园'],
      ['aggregate', '204个项目'],
    ]);
  });

  it('gives offsets into the text', () => {
    const text = '今年,加快推进尉北污水处理厂建设。';
    const [m] = findProjectMentions(text);
    expect(text.slice(m.start, m.end)).toBe('尉北污水处理厂');
  });

  it('gives no amount when one amount covers several projects', () => {
    const p = projects('计划投资5.5亿元,启动县妇幼保健院新院区建设,完成县人民医院病房综合楼和公共医学中心项目建设。');
    expect(p.every(([, amount]) => amount === null)).toBe(true);
  });
});
