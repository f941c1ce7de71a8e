import { defineTemplate } from '../notifications/templates/registry.js';

/** One lead as a reminder shows it. */
export interface ReminderLead {
  id: number;
  enterpriseName: string;
  projectTitle: string | null;
  region: string;
  stageLabel: string;
  nextFollowUpOn: string | null;
  /** Days since the last entry on its timeline. */
  idleDays: number;
}

export interface FollowUpDueData {
  date: string;
  lead: ReminderLead;
}

export interface LeadIdleData {
  date: string;
  limitDays: number;
  lead: ReminderLead;
}

export interface DailySummaryData {
  date: string;
  open: number;
  dueToday: number;
  overdue: number;
  idle: number;
  newSinceYesterday: number;
  /** The most urgent leads (due or overdue first), at most 20. */
  leads: Array<ReminderLead & { reason: string }>;
}

const card = 'border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:0 0 12px;';
const leadHtml = `<div style="font-weight:600;"><%= x.enterpriseName %></div>
<div style="font-size:15px;"><% if (x.projectTitle) { %>项目「<%= x.projectTitle %>」<% } else { %>意向地区：<%= x.region %><% } %> · <%= x.stageLabel %></div>
<div style="font-size:14px;color:#6b7280;">上次跟进：<%= x.idleDays %> 天前<% if (x.nextFollowUpOn) { %> · 计划跟进：<%= x.nextFollowUpOn %><% } %></div>
<a href="<%= it.baseUrl %>/leads/<%= x.id %>" style="color:#1d4ed8;font-size:15px;">查看线索 #<%= x.id %></a>`;
const leadText = `<%= x.enterpriseName %>（<% if (x.projectTitle) { %>项目「<%= x.projectTitle %>」<% } else { %>意向地区：<%= x.region %><% } %>，<%= x.stageLabel %>，上次跟进 <%= x.idleDays %> 天前）：<%= it.baseUrl %>/leads/<%= x.id %>`;

/** To the lead's owner, on the day of the planned follow-up. */
export const followUpDueTemplate = defineTemplate<FollowUpDueData>({
  name: 'lead.follow-up-due',
  subject: (d) => `今日跟进提醒：${d.lead.enterpriseName}`,
  html: {
    'zh-CN': `<p style="margin:0 0 12px;">您计划今天（<%= it.date %>）跟进以下线索：</p>
<% const x = it.lead; %><div style="${card}">${leadHtml}</div>
<p style="margin:0;font-size:14px;color:#6b7280;">跟进后请在线索中记录沟通情况，并安排下次跟进日期。</p>`,
  },
  text: {
    'zh-CN': `您计划今天（<%= it.date %>）跟进以下线索：
<% const x = it.lead; %>${leadText}

跟进后请在线索中记录沟通情况，并安排下次跟进日期。`,
  },
});

/** To the lead's owner, when nothing has happened on it for longer than the bureau's limit. */
export const leadIdleTemplate = defineTemplate<LeadIdleData>({
  name: 'lead.idle',
  subject: (d) => `线索已 ${d.lead.idleDays} 天未跟进：${d.lead.enterpriseName}`,
  html: {
    'zh-CN': `<p style="margin:0 0 12px;">以下线索已有 <strong><%= it.lead.idleDays %></strong> 天没有跟进记录，超过了本局规定的 <%= it.limitDays %> 天：</p>
<% const x = it.lead; %><div style="${card}">${leadHtml}</div>
<p style="margin:0;font-size:14px;color:#6b7280;">如企业已无意向，请将线索标记为流失并注明原因。</p>`,
  },
  text: {
    'zh-CN': `以下线索已有 <%= it.lead.idleDays %> 天没有跟进记录，超过了本局规定的 <%= it.limitDays %> 天：
<% const x = it.lead; %>${leadText}

如企业已无意向，请将线索标记为流失并注明原因。`,
  },
});

/** To each officer with open leads, once a day. */
export const dailySummaryTemplate = defineTemplate<DailySummaryData>({
  name: 'lead.daily-summary',
  subject: (d) => `${d.date} 线索日报：今日待跟进 ${d.dueToday} 条，逾期 ${d.overdue} 条`,
  html: {
    'zh-CN': `<p style="margin:0 0 12px;">截至 <%= it.date %>，您负责的线索：</p>
<table style="border-collapse:collapse;margin:0 0 16px;font-size:15px;">
<tr><td style="padding:2px 12px 2px 0;">跟进中</td><td><strong><%= it.open %></strong> 条</td></tr>
<tr><td style="padding:2px 12px 2px 0;">今日待跟进</td><td><strong><%= it.dueToday %></strong> 条</td></tr>
<tr><td style="padding:2px 12px 2px 0;">逾期未跟进</td><td><strong style="color:#b42318;"><%= it.overdue %></strong> 条</td></tr>
<tr><td style="padding:2px 12px 2px 0;">长期未跟进</td><td><strong><%= it.idle %></strong> 条</td></tr>
<tr><td style="padding:2px 12px 2px 0;">昨日以来新分派</td><td><strong><%= it.newSinceYesterday %></strong> 条</td></tr>
</table>
<% if (it.leads.length) { %><h2 style="font-size:17px;margin:0 0 8px;">需要关注</h2>
<% for (const x of it.leads) { %><div style="${card}"><div style="font-size:13px;color:#b42318;"><%= x.reason %></div>${leadHtml}</div><% } %><% } %>`,
  },
  text: {
    'zh-CN': `截至 <%= it.date %>，您负责的线索：跟进中 <%= it.open %> 条，今日待跟进 <%= it.dueToday %> 条，逾期未跟进 <%= it.overdue %> 条，长期未跟进 <%= it.idle %> 条，昨日以来新分派 <%= it.newSinceYesterday %> 条。
<% if (it.leads.length) { %>
需要关注：
<% for (const x of it.leads) { %>- [<%= x.reason %>] ${leadText}
<% } %><% } %>`,
  },
});
