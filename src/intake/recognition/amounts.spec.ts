import { findAmounts, parseChineseAmount, parseChineseInteger } from './amounts.js';

describe('parseChineseAmount', () => {
  it.each([
    ['14.85亿元', 1_485_000_000],
    ['8484万元', 84_840_000],
    ['二十亿元', 2_000_000_000],
    ['1.2万亿', 1_200_000_000_000],
    ['120.14亿元', 12_014_000_000],
    ['0.1亿元', 10_000_000],
    ['98.8万元', 988_000],
    ['29578元', 29_578],
    ['1,200万元', 12_000_000],
    ['3千万元', 30_000_000],
    ['一亿二千万元', 120_000_000],
    ['三千五百万元', 35_000_000],
    ['8484万', 84_840_000],
    ['1485000000', 1_485_000_000],
  ])('%s → %d yuan, exactly', (text, yuan) => {
    expect(parseChineseAmount(text)).toBe(yuan);
  });

  it('is exact where floating point is not', () => {
    expect(4.35 * 1e8).not.toBe(435_000_000);
    expect(parseChineseAmount('4.35亿元')).toBe(435_000_000);
    expect(parseChineseAmount('0.29亿元')).toBe(29_000_000);
    expect(parseChineseAmount('1.13亿元')).toBe(113_000_000);
  });

  it('refuses what is not one amount', () => {
    expect(parseChineseAmount('')).toBeNull();
    expect(parseChineseAmount('很多钱')).toBeNull();
    expect(parseChineseAmount('10亿元和20亿元')).toBeNull();
  });
});

describe('parseChineseInteger', () => {
  it.each([
    ['二十', 20n],
    ['十五', 15n],
    ['一百零五', 105n],
    ['三千五百', 3500n],
    ['一万亿', 1_000_000_000_000n],
    ['两亿', 200_000_000n],
    ['一二三', 123n],
    ['十', 10n],
  ])('%s → %s', (text, n) => expect(parseChineseInteger(text)).toBe(n));
  it('rejects other characters', () => expect(parseChineseInteger('二十个')).toBeNull());
});

describe('findAmounts', () => {
  it('finds money with offsets and leaves quantities alone', () => {
    const text = '投资1.89亿元，完成12万亩高标准农田建设，带动3万余人，肉类总产11.2万吨，出资5000万元。';
    const found = findAmounts(text);
    expect(found.map((a) => [a.text, a.value])).toEqual([
      ['1.89亿元', 189_000_000],
      ['5000万元', 50_000_000],
    ]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('takes 亿 without 元 as money when no measure word follows', () => {
    expect(findAmounts('项目总投资10亿，打造产业园').map((a) => a.value)).toEqual([1_000_000_000]);
    expect(findAmounts('销售10亿件')).toEqual([]);
  });

  it('marks bounds and estimates', () => {
    const [a, b, c] = findAmounts('注册资本金力争达到1亿元以上，挽回资金4600余万元，最高奖励500万元');
    expect([a.value, a.qualifier, a.text]).toEqual([100_000_000, 'over', '1亿元']);
    expect([b.value, b.qualifier]).toEqual([46_000_000, 'over']);
    expect([c.value, c.qualifier]).toEqual([5_000_000, 'under']);
  });

  it('knows foreign currency', () => {
    expect(findAmounts('实际利用外资7000万美元').map((a) => [a.value, a.currency])).toEqual([[70_000_000, 'USD']]);
  });

  it('ignores numbering words and years', () => {
    expect(findAmounts('一是农村道路工程。2021年“十三五”签约亿元以上项目10个')).toEqual([]);
  });
});
