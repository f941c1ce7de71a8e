import { industries } from '../../reference/industries.js';
import { industryCodesIn, keywordTable, recogniseIndustries } from './industries.js';

describe('recogniseIndustries', () => {
  it.each([
    ['生猪现代农业产业园', ['A0313']],
    ['香菇种植基地', ['A0142', 'C137']],
    ['立邦汽车漆项目', ['C2641']],
    ['面粉加工', ['C1312']],
    ['跨境电商产业园', ['F5292']],
  ])('%s → %j', (text, expected) => {
    expect(industryCodesIn(text)).toEqual(expected);
  });

  it('prefers the longest word and gives offsets', () => {
    const text = '引进立邦汽车漆';
    const [m] = recogniseIndustries(text);
    expect([m.text, m.codes, text.slice(m.start, m.end)]).toEqual(['汽车漆', ['C2641'], '汽车漆']);
  });

  it('also knows the standard names', () => {
    expect(industryCodesIn('锂离子电池制造')).toContain('C3841');
  });

  it('takes keywords an admin added, over the shipped ones', () => {
    expect(industryCodesIn('尉氏黄金梨种植')).not.toContain('A0151');
    expect(industryCodesIn('尉氏黄金梨种植', [{ keyword: '黄金梨', codes: ['A0151'] }])).toContain('A0151');
  });

  it('ships only valid GB/T 4754 codes', () => {
    for (const k of keywordTable()) for (const c of k.codes) expect(industries().has(c)).toBe(true);
  });
});
