import type { OfficerDigestData } from '../digest-data.js';
import type { MessageLanguage } from '../notification.vocabulary.js';
import { defineTemplate } from './registry.js';

function subject(d: OfficerDigestData, lang: MessageLanguage): string {
  const [i, n] = [d.interests.length, d.matches.length];
  if (lang === 'en') {
    return [i ? `${i} enterprise${i > 1 ? 's' : ''} interested` : '', n ? `${n} new high-score match${n > 1 ? 'es' : ''}` : ''].filter(Boolean).join(', ') + (d.regionName ? ` in ${d.regionName}` : '');
  }
  const parts = [i ? `${i} 家企业表示感兴趣` : '', n ? `${n} 个高匹配度新匹配` : ''].filter(Boolean).join('，');
  return `${d.regionName ? d.regionName + '招商动态' : '招商动态'}：${parts}`;
}

const card = 'border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:0 0 12px;';

/** To officers and bureau leads: enterprises that said "interested" and new high-score matches in their region. */
export const officerDigestTemplate = defineTemplate<OfficerDigestData>({
  name: 'officer-digest',
  subject,
  html: {
    'zh-CN': `<% if (it.interests.length) { %><h2 style="font-size:17px;margin:0 0 8px;">企业表示感兴趣</h2>
<% for (const x of it.interests) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %></div>
<div style="font-size:15px;">对项目「<a href="<%= it.baseUrl %>/portal/matches/<%= x.id %>" style="color:#1d4ed8;"><%= x.projectTitle %></a>」表示感兴趣（<%= x.region %>，匹配度 <%= x.score %> 分），请及时跟进。</div></div>
<% } %><% } %><% if (it.matches.length) { %><h2 style="font-size:17px;margin:16px 0 8px;">高匹配度新匹配</h2>
<% for (const x of it.matches) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %> × <%= x.projectTitle %></div>
<div style="font-size:14px;color:#6b7280;"><%= x.region %> · 匹配度 <strong style="color:#b42318;"><%= x.score %></strong> 分</div>
<% if (x.reasons.length) { %><ul style="margin:6px 0;padding-left:20px;font-size:15px;"><% for (const r of x.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<a href="<%= it.baseUrl %>/portal/matches/<%= x.id %>" style="color:#1d4ed8;font-size:15px;">查看匹配详情</a></div>
<% } %><% } %>`,
    en: `<% if (it.interests.length) { %><h2 style="font-size:17px;margin:0 0 8px;">Enterprises interested</h2>
<% for (const x of it.interests) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %></div>
<div style="font-size:15px;">is interested in <a href="<%= it.baseUrl %>/portal/matches/<%= x.id %>" style="color:#1d4ed8;"><%= x.projectTitle %></a> (<%= x.region %>, score <%= x.score %>). Please follow up.</div></div>
<% } %><% } %><% if (it.matches.length) { %><h2 style="font-size:17px;margin:16px 0 8px;">New high-score matches</h2>
<% for (const x of it.matches) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %> × <%= x.projectTitle %></div>
<div style="font-size:14px;color:#6b7280;"><%= x.region %> · score <strong style="color:#b42318;"><%= x.score %></strong></div>
<% if (x.reasons.length) { %><ul style="margin:6px 0;padding-left:20px;font-size:15px;"><% for (const r of x.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<a href="<%= it.baseUrl %>/portal/matches/<%= x.id %>" style="color:#1d4ed8;font-size:15px;">View the match</a></div>
<% } %><% } %>`,
  },
  text: {
    'zh-CN': `<% if (it.interests.length) { %>企业表示感兴趣：
<% for (const x of it.interests) { %>- <%= x.enterpriseName %> 对「<%= x.projectTitle %>」表示感兴趣（<%= x.region %>，匹配度 <%= x.score %> 分）：<%= it.baseUrl %>/portal/matches/<%= x.id %>
<% } %>
<% } %><% if (it.matches.length) { %>高匹配度新匹配：
<% for (const x of it.matches) { %>- <%= x.enterpriseName %> × <%= x.projectTitle %>（<%= x.region %>，匹配度 <%= x.score %> 分）：<%= it.baseUrl %>/portal/matches/<%= x.id %>
<% } %><% } %>`,
    en: `<% if (it.interests.length) { %>Enterprises interested:
<% for (const x of it.interests) { %>- <%= x.enterpriseName %> is interested in "<%= x.projectTitle %>" (<%= x.region %>, score <%= x.score %>): <%= it.baseUrl %>/portal/matches/<%= x.id %>
<% } %>
<% } %><% if (it.matches.length) { %>New high-score matches:
<% for (const x of it.matches) { %>- <%= x.enterpriseName %> × <%= x.projectTitle %> (<%= x.region %>, score <%= x.score %>): <%= it.baseUrl %>/portal/matches/<%= x.id %>
<% } %><% } %>`,
  },
});
