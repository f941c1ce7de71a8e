import { inferContext, recogniseDocumentRegion, recogniseRegions } from './regions.js';

const codes = (text: string, regionCode?: string) => recogniseRegions(text, { regionCode }).map((m) => [m.text, m.code]);

describe('recogniseRegions', () => {
  it('finds full and short names with offsets', () => {
    const text = '开封市尉氏县召开大会，尉氏经济稳步增长';
    const found = recogniseRegions(text);
    expect(found.map((m) => [m.text, m.code, m.via])).toEqual([
      ['开封市', '410200', 'full'],
      ['尉氏县', '410223', 'full'],
      ['尉氏', '410223', 'short'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('knows everyday names of zones', () => {
    expect(codes('郑州航空港区跨境电商')).toEqual([['郑州航空港区', '410173']]);
    expect(codes('郑州航空港经济综合实验区')).toEqual([['郑州航空港经济综合实验区', '410173']]);
    expect(codes('落户航空港区', '410100')).toEqual([['航空港区', '410173']]);
  });

  it('resolves an ambiguous district name by the document context, and drops it without one', () => {
    // 鼓楼区 exists in 开封, 南京, 福州 and 徐州.
    expect(codes('鼓楼区老城改造', '410223')).toEqual([['鼓楼区', '410204']]);
    expect(codes('鼓楼区老城改造', '320100')).toEqual([['鼓楼区', '320106']]);
    expect(codes('鼓楼区老城改造')).toEqual([]);
  });

  it('reads district short names only inside the context city', () => {
    expect(codes('瀍河科技创新谷落地开工', '410300')).toEqual([['瀍河', '410304']]);
    expect(codes('瀍河科技创新谷落地开工', '410200')).toEqual([]);
  });

  it('does not take ordinary words for places', () => {
    expect(codes('出彩中原，合作共赢，社会安定，创建示范县', '410200')).toEqual([]);
    expect(codes('作为平原县，我县空气质量进入前20名', '410223').map((c) => c[0])).not.toContain('平原县');
  });

  it('infers the context from the text', () => {
    expect(inferContext('尉氏县人民政府……尉氏县经济……河南省')).toBe('410200');
    expect(inferContext('河南省信阳市、南阳市、新乡市')).toBe('410000');
  });
});

describe('recogniseDocumentRegion', () => {
  it('takes the title first, then the opening', () => {
    expect(recogniseDocumentRegion('2021年尉氏县政府工作报告', '各位代表')).toBe('410223');
    expect(recogniseDocumentRegion('【洛阳招商】洛阳市政府工作报告', '洛阳市人民政府市长')).toBe('410300');
    expect(recogniseDocumentRegion('政府工作报告', '2021年2月7日在洛阳市第十五届人民代表大会上，洛阳市人民政府')).toBe('410300');
    expect(recogniseDocumentRegion('工作报告', '各位代表')).toBeNull();
  });
});
