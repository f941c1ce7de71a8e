import { chainLabel, DEFAULT_THRESHOLDS, segmentStatus, targetReasons, targetScore, thresholdsProblem } from './chain.vocabulary.js';

describe('segment status rule', () => {
  it('is gap with nothing local, weak below strongMin, strong from strongMin (defaults 1 and 3)', () => {
    expect(segmentStatus({ enterprises: 0, landed: 0 })).toBe('gap');
    expect(segmentStatus({ enterprises: 1, landed: 0 })).toBe('weak');
    expect(segmentStatus({ enterprises: 0, landed: 2 })).toBe('weak');
    expect(segmentStatus({ enterprises: 2, landed: 1 })).toBe('strong');
    expect(segmentStatus({ enterprises: 3, landed: 0 })).toBe('strong');
    expect(DEFAULT_THRESHOLDS).toEqual({ strongMin: 3, weakMin: 1 });
  });

  it('follows configured thresholds', () => {
    const t = { strongMin: 5, weakMin: 2 };
    expect(segmentStatus({ enterprises: 1, landed: 0 }, t)).toBe('gap');
    expect(segmentStatus({ enterprises: 4, landed: 0 }, t)).toBe('weak');
    expect(segmentStatus({ enterprises: 4, landed: 1 }, t)).toBe('strong');
    expect(thresholdsProblem(t)).toBeNull();
    expect(thresholdsProblem({ strongMin: 2, weakMin: 2 })).not.toBeNull();
    expect(thresholdsProblem({ strongMin: 2, weakMin: 0 })).not.toBeNull();
  });
});

describe('target score and reasons', () => {
  it('ranks gap above weak and openness to the region above the province above nothing', () => {
    expect(targetScore('gap', 'region')).toBeGreaterThan(targetScore('gap', 'province'));
    expect(targetScore('gap', 'province')).toBeGreaterThan(targetScore('gap', 'none'));
    expect(targetScore('gap', 'none')).toBeGreaterThan(targetScore('weak', 'none'));
    expect(targetScore('gap', 'region')).toBe(100);
  });

  it('names the chain and the segment in Chinese', () => {
    const facts = {
      regionName: '尉氏县',
      provinceName: '河南省',
      chainName: '汽车零部件',
      segmentName: '涂料',
      status: 'gap' as const,
      presence: 0,
      industryNames: ['涂料制造'],
      openness: 'province' as const,
    };
    expect(targetReasons(facts)).toEqual([
      '可补齐尉氏县汽车零部件产业链「涂料」环节（本地暂无企业）',
      '主营「涂料制造」，属于该环节',
      '有意向投资河南省',
    ]);
    const weak = targetReasons({ ...facts, chainName: '茶叶全产业链', status: 'weak', presence: 1, openness: 'region' });
    expect(weak[0]).toBe('可强链：尉氏县茶叶全产业链「涂料」环节本地仅 1 家');
    expect(weak[2]).toBe('有意向投资尉氏县');
    expect(targetReasons({ ...facts, openness: 'none' })[2]).toBe('尚未表达投资意向地区');
    expect(chainLabel('浉河区', '茶叶全产业链')).toBe('浉河区茶叶全产业链');
  });
});
