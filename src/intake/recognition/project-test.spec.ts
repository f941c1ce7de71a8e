import { judgeProject, type ProjectCandidate } from './project-test.js';
import { findProjectMentions } from './projects.js';

/**
 * Tuning cases of our own, composed the way 政府工作报告 and 招商 articles are written (none taken
 * from the held-out labels): each negative class the issue names, and the positives each bounding
 * signal must keep.
 */
const projectNames = (text: string) =>
  findProjectMentions(text)
    .filter((m) => m.kind === 'project')
    .map((m) => m.title);

const candidate = (name: string, more: Partial<ProjectCandidate> = {}): ProjectCandidate => ({
  name,
  clause: `实施${name}`,
  before: '实施',
  after: '',
  hasAmount: false,
  hasPlace: false,
  ...more,
});

describe('what is not a project', () => {
  it.each([
    '深入开展“万人助万企”活动，帮助企业解决问题320个。',
    '开展招商引资“百日攻坚”行动，新签约项目45个。',
    '实施“三大改造”专项行动，完成技术改造投资30亿元。',
    '扎实开展“项目建设年”活动。',
    '实施农村人居环境整治三年行动。',
    '打好蓝天保卫战、碧水保卫战、净土保卫战。',
    '成功举办第五届中国·尉氏招商引资洽谈会。',
    '组织开展项目建设观摩评比活动。',
    '开展“三个一批”项目建设活动。',
    '实施项目“百日攻坚”行动。',
    '开展重点项目观摩活动。',
  ])('activities and campaigns: %s', (text) => {
    expect(projectNames(text)).toEqual([]);
  });

  it.each([
    '实施“人人持证、技能河南”建设工程，培训农民工2.3万人次。',
    '实施名校长名教师培养工程。',
    '深入推进“四水同治”工程。',
    '实施“菜篮子”工程和农村饮水安全巩固提升工程。',
    '推进“引老乡、回故乡、建家乡”工程。',
    '实施“河南老家”文旅品牌工程。',
    '实施“百企千村”帮扶工程。',
    '实施中原英才计划。',
    '实施企业上市“倍增”计划。',
    '实施产业集群培育工程。',
    '实施高素质农民培育工程。',
    '推动智能制造示范工程。',
    '实施技能人才振兴工程。',
  ])('programmes that act on people or a sector: %s', (text) => {
    expect(projectNames(text)).toEqual([]);
  });

  it.each([
    '实施乡村道路畅通工程。',
    '实施中小学校舍安全工程。',
    '实施农村电网改造升级工程。',
    '完成农村危房改造工程。',
    '推进新一轮农村电网改造工程。',
  ])('programmes over every place of a kind: %s', (text) => {
    expect(projectNames(text)).toEqual([]);
  });

  it.each([
    '全年实施重点项目126个，完成投资285亿元。',
    '新开工亿元以上项目38个。',
    '实施“凤还巢”工程，返乡创业项目落地120个。',
    '扶贫资金投入3.2亿元。',
    '一般公共预算收入完成15.6亿元，增长8.1%。',
  ])('aggregates and statistics: %s', (text) => {
    expect(projectNames(text)).toEqual([]);
  });

  it('a part of a project is not one more project', () => {
    expect(projectNames('加快推进引黄调蓄工程，年内完成主体工程。')).toEqual(['引黄调蓄工程']);
  });
});

describe('what is a project', () => {
  it.each([
    ['投资5亿元的年产10万吨面粉加工项目建成投产。', '年产10万吨面粉加工项目'],
    ['河南中原食品有限公司年产3万吨速冻食品项目签约落地。', '河南中原食品有限公司年产3万吨速冻食品项目'],
    ['开工建设城南污水处理厂，总投资1.8亿元。', '城南污水处理厂'],
    ['郑西高铁尉氏站站前广场工程竣工。', '郑西高铁尉氏站站前广场工程'],
    ['金鑫纺织产业园一期开工建设。', '金鑫纺织产业园一期'],
    ['县第二人民医院新院区主体完工。', '县第二人民医院新院区'],
    ['签约落地比亚迪新能源电池项目。', '比亚迪新能源电池项目'],
    ['新建220千伏输变电工程。', '220千伏输变电工程'],
    ['实施中信重工智能制造产业园项目。', '中信重工智能制造产业园项目'],
    ['实施伊洛河综合治理工程。', '伊洛河综合治理工程'],
  ])('%s', (text, title) => {
    expect(projectNames(text)).toEqual([title]);
  });

  it('a short name before 和 shares the head of the name after it', () => {
    expect(projectNames('大力发展普惠性学前教育,建设城北和城南幼儿园。')).toEqual(['城北幼儿园', '城南幼儿园']);
  });

  it('a quoted slogan stays one list item', () => {
    const found = findProjectMentions('实施“人人持证、技能河南”建设工程。');
    expect(found.map((m) => m.name)).toEqual(['“人人持证、技能河南”建设工程']);
    expect(found[0].kind).toBe('programme');
  });
});

describe('judgeProject', () => {
  it('says which evidence bounds an abstract head', () => {
    expect(judgeProject(candidate('乡村振兴示范工程', { hasAmount: true }))).toEqual({ project: true, evidence: 'amount' });
    expect(judgeProject(candidate('农村污水治理一期工程'))).toEqual({ project: true, evidence: 'phase' });
    expect(judgeProject(candidate('截污纳管工程'))).toEqual({ project: true, evidence: 'object' });
    expect(judgeProject(candidate('天地人车智慧环保项目', { before: '建设' }))).toEqual({ project: true, evidence: 'stage' });
    expect(judgeProject(candidate('立邦汽车漆', { clause: '引进了立邦汽车漆' }))).toEqual({ project: true, evidence: 'object' });
    expect(judgeProject(candidate('某某股份数字化项目'))).toEqual({ project: true, evidence: 'owner' });
    expect(judgeProject(candidate('尉氏智慧停车项目', { hasPlace: true }))).toEqual({ project: true, evidence: 'site' });
  });

  it('leaves an abstract head with no evidence unbounded', () => {
    expect(judgeProject(candidate('数字赋能项目'))).toEqual({ project: false, reason: 'unbounded' });
  });

  it('an owner or an amount makes a programme-like name one undertaking', () => {
    expect(judgeProject(candidate('某某有限公司员工培训中心项目'))).toMatchObject({ project: true });
    expect(judgeProject(candidate('员工培训中心项目'))).toEqual({ project: false, reason: 'programme' });
  });

  it('an activity is never a project, whatever bounds it', () => {
    expect(judgeProject(candidate('招商引资洽谈会', { hasAmount: true }))).toEqual({ project: false, reason: 'activity' });
    expect(judgeProject(candidate('“三个一批”项目', { after: '建设活动' }))).toMatchObject({ project: false });
  });
});
