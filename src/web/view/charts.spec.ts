import { barsSvg, funnelSvg } from './charts.js';

describe('server-rendered SVG charts', () => {
  it('draws a funnel with proportional bars and an accessible description', () => {
    const svg = funnelSvg('三个一批', [
      { label: '新线索', value: 10 },
      { label: '已签约', value: 5, note: '3 亿元' },
      { label: '已投产', value: 0 },
    ]);
    expect(svg).toMatch(/^<svg class="chart" role="img" aria-labelledby="chart-\w+-t chart-\w+-d"/);
    expect(svg).toContain('<title id=');
    expect(svg).toContain('新线索 10；已签约 5（3 亿元）；已投产 0');
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(2 * widths[1]);
    expect(widths[2]).toBe(2); // zero still visible as a sliver
  });

  it('escapes every label (the SVG is inserted unescaped)', () => {
    const svg = barsSvg('<script>alert(1)</script>', [{ label: '<img src=x onerror=alert(1)>', value: 3, note: '"&' }]);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&quot;&amp;');
  });

  it('draws bars for trends, and says so when there is nothing to draw', () => {
    const svg = barsSvg('每月签约', [
      { label: '1月', value: 2 },
      { label: '2月', value: 4 },
    ]);
    expect([...svg.matchAll(/<rect /g)]).toHaveLength(2);
    expect(barsSvg('空', [])).toContain('暂无数据');
  });
});
