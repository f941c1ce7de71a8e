import { markupProblem, plainText, renderArticleBody } from './article-markup.js';

const staff = { submitted: false };
const submitted = { submitted: true };

describe('article bodies: Markdown rendered and sanitised', () => {
  it('removes script elements and their content', () => {
    const html = renderArticleBody('尉氏县招商<script>alert("x")</script>\n\n<script src="https://evil.example/x.js"></script>正文', staff);
    expect(html).not.toMatch(/<script|alert|evil\.example/i);
    expect(html).toContain('尉氏县招商');
    expect(html).toContain('正文');
  });

  it('removes javascript: and data: URLs, in Markdown links and in HTML', () => {
    const html = renderArticleBody(
      '[点击](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">二</a> <a href="  javascript:alert(3)">三</a> <a href="data:text/html,<b>x</b>">四</a> [五](vbscript:x)',
      staff,
    );
    // no link carries them (markdown-it leaves a refused Markdown link as plain text)
    expect(html).not.toMatch(/href=["']?\s*(javascript|vbscript|data):/i);
    expect(html.match(/href=/g)).toBeNull();
    expect(html).toContain('二');
  });

  it('removes inline event handlers and unknown attributes', () => {
    const html = renderArticleBody(
      '<p onclick="alert(1)" onmouseover="x()">段落</p><a href="https://a.example" onfocus="y()">链接</a><img src=x onerror=alert(1)>',
      staff,
    );
    expect(html).not.toMatch(/on\w+=|alert|<img/i);
    expect(html).toContain('<p>段落</p>');
  });

  it('removes style injection: style elements, style attributes, and CSS expressions', () => {
    const html = renderArticleBody(
      '<style>body{display:none}</style><p style="background:url(javascript:alert(1))">文字</p><div style="position:fixed;top:0">覆盖</div>',
      staff,
    );
    expect(html).not.toMatch(/style|display:none|position:fixed|url\(/i);
    expect(html).toContain('文字');
    expect(html).toContain('覆盖');
  });

  it('removes iframes, forms, objects and svg with their payloads', () => {
    const html = renderArticleBody(
      '<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form><svg onload="alert(1)"><script>x</script></svg><object data="x.swf"></object>',
      staff,
    );
    expect(html).not.toMatch(/iframe|form|input|svg|object|alert/i);
  });

  it('keeps Chinese text, headings, lists and tables (Markdown and HTML)', () => {
    const body = [
      '## 一、2020年工作回顾',
      '',
      '全年新签约亿元以上项目 **42** 个，总投资 14.85亿元的生猪现代农业产业园开工。',
      '',
      '| 项目 | 总投资 |',
      '| --- | --- |',
      '| 尉氏县生猪屠宰加工 | 14.85亿元 |',
      '',
      '<table><tr><th>指标</th><td colspan="2">增速 14.4%</td></tr></table>',
      '',
      '- 签约',
      '- 开工',
    ].join('\n');
    const html = renderArticleBody(body, staff);
    expect(html).toContain('<h2>一、2020年工作回顾</h2>');
    expect(html).toContain('<strong>42</strong>');
    expect(html).toMatch(/<table>[\s\S]*<th>项目<\/th>[\s\S]*<td>尉氏县生猪屠宰加工<\/td>[\s\S]*<\/table>/);
    expect(html).toContain('<td colspan="2">增速 14.4%</td>');
    expect(html).toContain('<li>签约</li>');
  });

  it('marks links: noopener for staff articles, noopener nofollow for submissions', () => {
    expect(renderArticleBody('[政府网](https://www.weishi.gov.cn/)', staff)).toContain(
      '<a href="https://www.weishi.gov.cn/" rel="noopener">',
    );
    const sub = renderArticleBody('[政府网](https://www.weishi.gov.cn/) <a href="https://x.example" rel="dofollow">x</a>', submitted);
    expect(sub).toContain('<a href="https://www.weishi.gov.cn/" rel="noopener nofollow ugc">');
    expect(sub).not.toContain('dofollow');
  });

  it('plain text drops markup and script content', () => {
    expect(plainText('# 标题\n\n尉氏县 <script>alert(1)</script> **生猪**')).toBe('标题 尉氏县 生猪');
  });
});

describe('markup bombs', () => {
  it('refuses deep nesting and tag floods, accepts ordinary articles', () => {
    expect(markupProblem('<div>'.repeat(1000) + 'x')).toMatch(/嵌套过深/);
    expect(markupProblem('<b></b>'.repeat(5000))).toMatch(/标签过多/);
    expect(markupProblem('>'.repeat(500) + ' 引用')).toMatch(/引用嵌套过深/);
    expect(markupProblem('<table><tr><td>一</td></tr></table>\n\n> 引用\n\n正文<br>换行')).toBeNull();
  });
});
