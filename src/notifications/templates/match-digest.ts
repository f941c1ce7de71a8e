import { INCENTIVE_KINDS, type IncentiveKind } from '../../policies/policy.vocabulary.js';
import type { MatchDigestData } from '../digest-data.js';
import type { MessageLanguage } from '../notification.vocabulary.js';
import { defineTemplate } from './registry.js';

const KIND_EN: Record<IncentiveKind, string> = {
  fast_track: 'fast-track approval',
  subsidy: 'subsidy',
  loan: 'loan interest discount',
  land: 'land support',
  credit: 'credit support',
  tax: 'tax incentive',
  talent: 'talent support',
};

function subject(d: MatchDigestData, lang: MessageLanguage): string {
  const n = d.matches.length;
  const k = d.incentives.length;
  if (lang === 'en') {
    if (!n) return `You now qualify for ${k} incentive${k > 1 ? 's' : ''} granted without application`;
    if (d.period === 'instant') return n === 1 ? `New project match: ${d.matches[0].projectTitle}` : `${n} new project matches`;
    return `Your ${d.period} matches: ${n} project${n > 1 ? 's' : ''}${k ? `, ${k} incentive${k > 1 ? 's' : ''}` : ''}`;
  }
  if (!n) return `贵企业已符合 ${k} 项免申即享政策`;
  if (d.period === 'instant')
    return n === 1 ? `新的招商项目匹配：${d.matches[0].projectTitle}` : `新的招商项目匹配：${d.matches[0].projectTitle} 等 ${n} 个项目`;
  return `${d.period === 'daily' ? '每日' : '每周'}匹配汇总：${n} 个招商项目${k ? `，${k} 项免申即享政策` : ''}`;
}

const card = 'border:1px solid #e5e7eb;border-radius:8px;padding:14px 12px;margin:0 0 14px;';
const button =
  'display:inline-block;background:#b42318;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;font-size:15px;';

/** To an enterprise: new or materially better matches (score, reasons, incentives) and 免申即享 incentives. */
export const matchDigestTemplate = defineTemplate<MatchDigestData>({
  name: 'match-digest',
  subject,
  helpers: { kindLabel: (k: IncentiveKind, lang: MessageLanguage) => (lang === 'en' ? KIND_EN[k] : INCENTIVE_KINDS[k]) ?? k },
  html: {
    'zh-CN': `<% if (it.matches.length) { %><p style="margin:0 0 14px;">根据<%= it.enterpriseName ? '贵企业（' + it.enterpriseName + '）' : '贵企业' %>填写的行业、投资意向地区和投资规模，平台为您匹配到以下招商项目：</p>
<% for (const m of it.matches) { %><div style="${card}">
<div style="font-size:17px;font-weight:600;line-height:1.4;margin:0 0 4px;"><a href="<%= it.baseUrl %>/portal/matches/<%= m.id %>" style="color:#1d4ed8;text-decoration:none;"><%= m.projectTitle %></a></div>
<div style="font-size:14px;color:#6b7280;margin:0 0 8px;"><%= m.region %> · 总投资 <%= it.fmt.yuan(m.investmentYuan) %><% if (m.landMu) { %> · 用地 <%= it.fmt.mu(m.landMu) %><% } %></div>
<div style="margin:0 0 6px;">匹配度 <strong style="color:#b42318;font-size:18px;"><%= m.score %></strong> 分<% if (m.improved) { %>（较上次通知明显提高）<% } %></div>
<% if (m.reasons.length) { %><ul style="margin:0 0 8px;padding-left:20px;font-size:15px;"><% for (const r of m.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<% if (m.incentives.length) { %><div style="font-size:15px;margin:0 0 4px;">可享受的扶持政策：</div><ul style="margin:0 0 8px;padding-left:20px;font-size:15px;"><% for (const i of m.incentives) { %><li><%= i.title %>（<%= it.kindLabel(i.kind) %><%= i.grantedWithoutApplication ? '，免申即享' : '' %>）</li><% } %></ul><% } %>
<a href="<%= it.baseUrl %>/portal/matches/<%= m.id %>" style="${button}">查看项目详情</a>
</div>
<% } %><% } %><% if (it.incentives.length) { %><h2 style="font-size:17px;margin:18px 0 8px;">免申即享政策</h2>
<p style="margin:0 0 8px;">贵企业已符合以下政策的条件，无需申请即可享受：</p>
<ul style="margin:0 0 8px;padding-left:20px;"><% for (const i of it.incentives) { %><li><%= i.title %>（<%= it.kindLabel(i.kind) %>）— <%= i.policyTitle %><% if (i.documentNumber) { %>，<%= i.documentNumber %><% } %></li><% } %></ul>
<% } %><% if (it.articles && it.articles.length) { %><h2 style="font-size:17px;margin:18px 0 8px;">本周招商资讯</h2>
<ul style="margin:0 0 8px;padding-left:20px;"><% for (const a of it.articles) { %><li style="margin:0 0 6px;"><a href="<%= it.baseUrl %>/news/<%= a.id %>" style="color:#1d4ed8;text-decoration:none;"><%= a.title %></a><span style="color:#6b7280;font-size:14px;"> · <%= a.region %></span><% if (a.summary) { %><br><span style="font-size:14px;"><%= a.summary %></span><% } %></li><% } %></ul>
<% } %><p style="margin:14px 0 0;font-size:14px;color:#6b7280;">如对项目感兴趣，可在项目页面点击“感兴趣”，当地招商部门将与您联系。</p>
`,
    en: `<% if (it.matches.length) { %><p style="margin:0 0 14px;">Based on the industries, target regions and investment range of <%= it.enterpriseName || 'your enterprise' %>, these investment projects match:</p>
<% for (const m of it.matches) { %><div style="${card}">
<div style="font-size:17px;font-weight:600;line-height:1.4;margin:0 0 4px;"><a href="<%= it.baseUrl %>/portal/matches/<%= m.id %>" style="color:#1d4ed8;text-decoration:none;"><%= m.projectTitle %></a></div>
<div style="font-size:14px;color:#6b7280;margin:0 0 8px;"><%= m.region %> · total investment <%= it.fmt.yuan(m.investmentYuan) %><% if (m.landMu) { %> · land <%= it.fmt.mu(m.landMu) %><% } %></div>
<div style="margin:0 0 6px;">Match score <strong style="color:#b42318;font-size:18px;"><%= m.score %></strong>/100<% if (m.improved) { %> (clearly better than last time)<% } %></div>
<% if (m.reasons.length) { %><ul style="margin:0 0 8px;padding-left:20px;font-size:15px;"><% for (const r of m.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<% if (m.incentives.length) { %><div style="font-size:15px;margin:0 0 4px;">Incentives you would get:</div><ul style="margin:0 0 8px;padding-left:20px;font-size:15px;"><% for (const i of m.incentives) { %><li><%= i.title %> (<%= it.kindLabel(i.kind) %><%= i.grantedWithoutApplication ? ', granted without application' : '' %>)</li><% } %></ul><% } %>
<a href="<%= it.baseUrl %>/portal/matches/<%= m.id %>" style="${button}">View the project</a>
</div>
<% } %><% } %><% if (it.incentives.length) { %><h2 style="font-size:17px;margin:18px 0 8px;">Granted without application</h2>
<p style="margin:0 0 8px;">Your enterprise now meets the conditions of these incentives; they apply without an application:</p>
<ul style="margin:0 0 8px;padding-left:20px;"><% for (const i of it.incentives) { %><li><%= i.title %> (<%= it.kindLabel(i.kind) %>) — <%= i.policyTitle %><% if (i.documentNumber) { %>, <%= i.documentNumber %><% } %></li><% } %></ul>
<% } %><% if (it.articles && it.articles.length) { %><h2 style="font-size:17px;margin:18px 0 8px;">Investment news this week</h2>
<ul style="margin:0 0 8px;padding-left:20px;"><% for (const a of it.articles) { %><li style="margin:0 0 6px;"><a href="<%= it.baseUrl %>/news/<%= a.id %>" style="color:#1d4ed8;text-decoration:none;"><%= a.title %></a><span style="color:#6b7280;font-size:14px;"> · <%= a.region %></span></li><% } %></ul>
<% } %><p style="margin:14px 0 0;font-size:14px;color:#6b7280;">Interested in a project? Press "Interested" on its page and the local promotion bureau will contact you.</p>
`,
  },
  text: {
    'zh-CN': `<% if (it.matches.length) { %>根据<%= it.enterpriseName ? '贵企业（' + it.enterpriseName + '）' : '贵企业' %>填写的行业、投资意向地区和投资规模，平台为您匹配到以下招商项目：

<% it.matches.forEach((m, n) => { %><%= n + 1 %>. <%= m.projectTitle %>
   <%= m.region %> · 总投资 <%= it.fmt.yuan(m.investmentYuan) %><% if (m.landMu) { %> · 用地 <%= it.fmt.mu(m.landMu) %><% } %>
   匹配度 <%= m.score %> 分<% if (m.improved) { %>（较上次通知明显提高）<% } %>
<% for (const r of m.reasons) { %>   - <%= r %>
<% } %><% if (m.incentives.length) { %>   可享受：<%= m.incentives.map((i) => i.title).join('；') %>
<% } %>   详情：<%= it.baseUrl %>/portal/matches/<%= m.id %>

<% }) %><% } %><% if (it.incentives.length) { %>免申即享政策（贵企业已符合条件，无需申请）：
<% for (const i of it.incentives) { %>- <%= i.title %>（<%= it.kindLabel(i.kind) %>）— <%= i.policyTitle %><% if (i.documentNumber) { %>，<%= i.documentNumber %><% } %>
<% } %>
<% } %><% if (it.articles && it.articles.length) { %>本周招商资讯：
<% for (const a of it.articles) { %>- <%= a.title %>（<%= a.region %>）<%= it.baseUrl %>/news/<%= a.id %>
<% } %>
<% } %>如对项目感兴趣，可在项目页面点击“感兴趣”，当地招商部门将与您联系。`,
    en: `<% if (it.matches.length) { %>Based on the industries, target regions and investment range of <%= it.enterpriseName || 'your enterprise' %>, these investment projects match:

<% it.matches.forEach((m, n) => { %><%= n + 1 %>. <%= m.projectTitle %>
   <%= m.region %> · total investment <%= it.fmt.yuan(m.investmentYuan) %><% if (m.landMu) { %> · land <%= it.fmt.mu(m.landMu) %><% } %>
   Match score <%= m.score %>/100<% if (m.improved) { %> (clearly better than last time)<% } %>
<% for (const r of m.reasons) { %>   - <%= r %>
<% } %><% if (m.incentives.length) { %>   Incentives: <%= m.incentives.map((i) => i.title).join('; ') %>
<% } %>   Details: <%= it.baseUrl %>/portal/matches/<%= m.id %>

<% }) %><% } %><% if (it.incentives.length) { %>Granted without application (your enterprise qualifies):
<% for (const i of it.incentives) { %>- <%= i.title %> (<%= it.kindLabel(i.kind) %>) — <%= i.policyTitle %><% if (i.documentNumber) { %>, <%= i.documentNumber %><% } %>
<% } %>
<% } %><% if (it.articles && it.articles.length) { %>Investment news this week:
<% for (const a of it.articles) { %>- <%= a.title %> (<%= a.region %>) <%= it.baseUrl %>/news/<%= a.id %>
<% } %>
<% } %>Interested in a project? Press "Interested" on its page and the local promotion bureau will contact you.`,
  },
});
