import { describeCondition } from './conditions.js';
import { excerpt, helpers, percent, url } from './format.js';

describe('view helpers', () => {
  it('builds URLs with query strings, leaving out empty values', () => {
    expect(url('/library/projects', { q: '生猪', region: '', stage: ['open', 'signed'], page: 2, x: undefined, y: false })).toBe(
      '/library/projects?q=%E7%94%9F%E7%8C%AA&stage=open&stage=signed&page=2',
    );
    expect(url('/a', {})).toBe('/a');
  });

  it('formats amounts, land, dates and labels the way officials read them', () => {
    expect(helpers.yuan(500_000_000)).toBe('5 亿元');
    expect(helpers.yuan(50_005_000)).toBe('5000.5 万元');
    expect(helpers.yuan(null)).toBe('—');
    expect(helpers.mu(120.5)).toBe('120.5 亩');
    expect(helpers.date(new Date('2026-01-04T17:00:00Z'))).toBe('2026-01-05'); // Asia/Shanghai
    expect(helpers.dateTime(new Date('2026-01-04T17:30:00Z'))).toBe('2026-01-05 01:30');
    expect(helpers.stage('signed')).toBe('已签约');
    expect(helpers.incentiveKind('fast_track')).toBe('审批绿色通道');
    expect(helpers.certification('industry_education_integration')).toBe('产教融合型企业');
    expect(helpers.region('410223')).toBe('河南省开封市尉氏县');
    expect(helpers.industry('C13')).toBe('农副食品加工业');
    expect(helpers.stage('unknown')).toBe('unknown');
    expect(percent(0.256)).toBe('25.6%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
    expect(excerpt('a'.repeat(10), 5)).toBe('aaaaa…');
  });

  it('marks invalid fields for assistive technology', () => {
    expect(helpers.aria({ name: ['必填'] }, 'name')).toBe(' aria-invalid="true" aria-describedby="e-name"');
    expect(helpers.aria({}, 'name')).toBe('');
  });

  it('explains eligibility conditions in words', () => {
    expect(describeCondition({ type: 'certification', anyOf: ['industry_education_integration'] })).toBe(
      '经认定为产教融合型企业，且已由主管部门核验',
    );
    expect(describeCondition({ type: 'certification', anyOf: ['specialized_sme', 'little_giant'] })).toContain('（之一）');
    expect(describeCondition({ type: 'industry', anyOf: ['C13'] })).toBe('所属行业属于C13 农副食品加工业');
    expect(describeCondition({ type: 'homeRegion', anyOf: ['410200'] })).toBe('注册地在河南省开封市');
    expect(describeCondition({ type: 'minInvestment', yuan: 100_000_000 })).toBe('投资额不低于 1 亿元');
    expect(describeCondition({ type: 'enterpriseSize', anyOf: ['small', 'micro'] })).toBe('企业规模为小型、微型');
    expect(describeCondition({ type: 'needsLand', minMu: 50 })).toBe('有新增用地需求（不少于 50 亩）');
    expect(describeCondition({ type: 'needsLand' })).toBe('有新增用地需求');
  });
});
