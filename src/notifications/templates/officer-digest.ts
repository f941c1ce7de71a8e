import type { OfficerDigestData } from '../digest-data.js';
import type { MessageLanguage } from '../notification.vocabulary.js';
import { defineTemplate } from './registry.js';

function subject(d: OfficerDigestData, lang: MessageLanguage): string {
  const [i, n] = [d.interests.length, d.matches.length];
  if (lang === 'en') {
    return (
      [i ? `${i} enterprise${i > 1 ? 's' : ''} interested` : '', n ? `${n} new high-score match${n > 1 ? 'es' : ''}` : '']
        .filter(Boolean)
        .join(', ') + (d.regionName ? ` in ${d.regionName}` : '')
    );
  }
  const parts = [i ? `${i} 家企业表示感兴趣` : '', n ? `${n} 个高匹配度新匹配` : ''].filter(Boolean).join('，');
  return `${d.regionName ? d.regionName + '招商动态' : '招商动态'}：${parts}`;
}

type Interest = OfficerDigestData['interests'][number];
type Match = OfficerDigestData['matches'][number];

/** Officers' links open the console (never /portal, which is the enterprises' side). */
const interestUrl = (x: Interest, _lang?: MessageLanguage) =>
  x.leadId ? `/console/leads/${x.leadId}` : `/console/projects/${x.projectId}#match-${x.id}`;
const matchUrl = (x: Match, _lang?: MessageLanguage) => `/console/projects/${x.projectId}#match-${x.id}`;

const card = 'border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:0 0 12px;';
const why = 'font-size:13px;color:#6b7280;margin:6px 0 0;';

/**
 * To officers and bureau leads: enterprises that said "interested" (to the lead's owner and the
 * bureau working it) and new high-score matches (to the responsible bureau), each saying why this
 * officer got it; the links open the console — the lead, or the project's matched enterprises.
 */
export const officerDigestTemplate = defineTemplate<OfficerDigestData>({
  name: 'officer-digest',
  subject,
  helpers: { interestUrl, matchUrl },
  html: {
    'zh-CN': `<% if (it.interests.length) { %><h2 style="font-size:17px;margin:0 0 8px;">企业表示感兴趣</h2>
<% for (const x of it.interests) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %></div>
<div style="font-size:15px;">对项目「<a href="<%= it.baseUrl %><%= it.interestUrl(x) %>" style="color:#1d4ed8;"><%= x.projectTitle %></a>」表示感兴趣（<%= x.region %>，匹配度 <%= x.score %> 分），请及时跟进。</div>
<a href="<%= it.baseUrl %><%= it.interestUrl(x) %>" style="color:#1d4ed8;font-size:15px;"><%= x.leadId ? '打开线索' : '查看项目的匹配企业' %></a>
<p style="${why}">为什么收到：<%= x.why['zh-CN'] %></p></div>
<% } %><% } %><% if (it.matches.length) { %><h2 style="font-size:17px;margin:16px 0 8px;">高匹配度新匹配</h2>
<% for (const x of it.matches) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %> × <%= x.projectTitle %></div>
<div style="font-size:14px;color:#6b7280;"><%= x.region %> · 匹配度 <strong style="color:#b42318;"><%= x.score %></strong> 分</div>
<% if (x.reasons.length) { %><ul style="margin:6px 0;padding-left:20px;font-size:15px;"><% for (const r of x.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<a href="<%= it.baseUrl %><%= it.matchUrl(x) %>" style="color:#1d4ed8;font-size:15px;">查看项目的匹配企业</a>
<p style="${why}">为什么收到：<%= x.why['zh-CN'] %></p></div>
<% } %><% } %><p style="font-size:13px;color:#6b7280;">招商动态只发给线索负责人和负责该地的招商局；上级招商局的同事如需接收本辖区全部动态，可在通知设置中开启“本辖区全部招商动态”。</p>`,
    en: `<% if (it.interests.length) { %><h2 style="font-size:17px;margin:0 0 8px;">Enterprises interested</h2>
<% for (const x of it.interests) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %></div>
<div style="font-size:15px;">is interested in <a href="<%= it.baseUrl %><%= it.interestUrl(x) %>" style="color:#1d4ed8;"><%= x.projectTitle %></a> (<%= x.region %>, score <%= x.score %>). Please follow up.</div>
<a href="<%= it.baseUrl %><%= it.interestUrl(x) %>" style="color:#1d4ed8;font-size:15px;"><%= x.leadId ? 'Open the lead' : "View the project's matches" %></a>
<p style="${why}">Why you got this: <%= x.why.en %></p></div>
<% } %><% } %><% if (it.matches.length) { %><h2 style="font-size:17px;margin:16px 0 8px;">New high-score matches</h2>
<% for (const x of it.matches) { %><div style="${card}"><div style="font-weight:600;"><%= x.enterpriseName %> × <%= x.projectTitle %></div>
<div style="font-size:14px;color:#6b7280;"><%= x.region %> · score <strong style="color:#b42318;"><%= x.score %></strong></div>
<% if (x.reasons.length) { %><ul style="margin:6px 0;padding-left:20px;font-size:15px;"><% for (const r of x.reasons) { %><li><%= r %></li><% } %></ul><% } %>
<a href="<%= it.baseUrl %><%= it.matchUrl(x) %>" style="color:#1d4ed8;font-size:15px;">View the project's matches</a>
<p style="${why}">Why you got this: <%= x.why.en %></p></div>
<% } %><% } %>`,
  },
  text: {
    'zh-CN': `<% if (it.interests.length) { %>企业表示感兴趣：
<% for (const x of it.interests) { %>- <%= x.enterpriseName %> 对「<%= x.projectTitle %>」表示感兴趣（<%= x.region %>，匹配度 <%= x.score %> 分）：<%= it.baseUrl %><%= it.interestUrl(x) %>
  为什么收到：<%= x.why['zh-CN'] %>
<% } %>
<% } %><% if (it.matches.length) { %>高匹配度新匹配：
<% for (const x of it.matches) { %>- <%= x.enterpriseName %> × <%= x.projectTitle %>（<%= x.region %>，匹配度 <%= x.score %> 分）：<%= it.baseUrl %><%= it.matchUrl(x) %>
  为什么收到：<%= x.why['zh-CN'] %>
<% } %><% } %>`,
    en: `<% if (it.interests.length) { %>Enterprises interested:
<% for (const x of it.interests) { %>- <%= x.enterpriseName %> is interested in "<%= x.projectTitle %>" (<%= x.region %>, score <%= x.score %>): <%= it.baseUrl %><%= it.interestUrl(x) %>
  Why you got this: <%= x.why.en %>
<% } %>
<% } %><% if (it.matches.length) { %>New high-score matches:
<% for (const x of it.matches) { %>- <%= x.enterpriseName %> × <%= x.projectTitle %> (<%= x.region %>, score <%= x.score %>): <%= it.baseUrl %><%= it.matchUrl(x) %>
  Why you got this: <%= x.why.en %>
<% } %><% } %>`,
  },
});
