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

  // Sentences written for these rules (not from the seeds or the eval fixtures).
  it('leaves out groups named by status, date or sector, and the classes an incentive is granted to', () => {
    expect(projects('提前谋划2023年新开工项目,对年底前应投产项目实行周调度。')).toEqual([]);
    expect(projects('对新落户本市、固定资产投资3亿元以上的制造业项目,给予设备奖励。')).toEqual([]);
    expect(projects('整合资金、土地等资源支持项目落地。')).toEqual([]);
    expect(projects('为技术改造项目开辟审批绿色通道。')).toEqual([]);
  });

  it('counts partners apart from projects: "与…一家企业签约X项目" is one project', () => {
    expect(projects('长葛市与苏州一家企业签约年产5万吨铝箔项目,总投资6亿元。')).toEqual([['年产5万吨铝箔项目', 600_000_000, '签约']]);
  });

  it('does not draft the parts a project consists of', () => {
    expect(projects('中牟县汽车零部件产业园项目投资9亿元,主要建设冲压、焊装生产线。').map(([name, amount]) => [name, amount])).toEqual([
      ['中牟县汽车零部件产业园项目', 900_000_000],
    ]);
  });

  it('takes list items as one kind: a sibling of a project in "A、B等项目" is a project', () => {
    expect(projects('华润“雪花”、中铝高端铝材等项目加快推进。').map((p) => p[0])).toEqual(['华润“雪花”', '中铝高端铝材']);
  });

  it('ends the name at its head before an adverb, an approval or its own amount', () => {
    expect(projects('郑州商贸职业学院获批建设。').map((p) => p[0])).toEqual(['郑州商贸职业学院']);
    expect(projects('推动连霍高速郑州段改扩建工程早日开工。').map((p) => p[0])).toEqual(['连霍高速郑州段改扩建工程']);
    expect(projects('鄢陵县花木交易中心提升改造项目总投资3.6亿元。')).toEqual([['鄢陵县花木交易中心提升改造项目', 360_000_000, null]]);
  });

  it('ends a name before "同日…", splits "二期和…", and keeps a new campus of one institution', () => {
    expect(projects('兰考县与郑州一家物流公司合作建设的冷链物流园项目同日开工。').map((p) => p[0])).toEqual(['冷链物流园项目']);
    expect(projects('推进食品产业园二期和陶瓷文化产业园项目建设。').map((p) => p[0])).toEqual(['食品产业园二期', '陶瓷文化产业园']);
    expect(projects('县人民医院新院区主体封顶。').map((p) => p[0])).toEqual(['县人民医院新院区']);
  });

  it('spends a sum of its own clause only: "X项目总投资二十亿元，今年将完成投资8亿元" keeps the first', () => {
    expect(projects('西平县新型建材产业园项目总投资二十亿元，今年将完成投资8亿元。')).toEqual([
      ['西平县新型建材产业园项目', 2_000_000_000, null],
    ]);
  });
});
