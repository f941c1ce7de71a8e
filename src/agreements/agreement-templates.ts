import { defineTemplate } from '../notifications/templates/registry.js';

/** A 项目预警 to the lead's owner and its bureau lead. */
export interface AgreementWarningData {
  agreementId: number;
  leadId: number;
  enterpriseName: string;
  projectTitle: string | null;
  region: string;
  kind: string;
  kindLabel: string;
  pledgeLabel: string;
  since: string;
  dueOn: string | null;
}

export const agreementWarningTemplate = defineTemplate<AgreementWarningData>({
  name: 'agreement.warning',
  subject: (d) => `项目预警：${d.enterpriseName} · ${d.kindLabel}`,
  html: {
    'zh-CN': `<p style="margin:0 0 12px;">以下投资协议出现预警（<%= it.kindLabel %>），自 <%= it.since %> 起：</p>
<div style="border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:0 0 12px;">
<div style="font-weight:600;"><%= it.enterpriseName %></div>
<div style="font-size:15px;"><% if (it.projectTitle) { %>项目「<%= it.projectTitle %>」 · <% } %><%= it.region %></div>
<div style="font-size:14px;color:#6b7280;">相关承诺：<%= it.pledgeLabel %><% if (it.dueOn) { %>（约定 <%= it.dueOn %>）<% } %></div>
<a href="<%= it.baseUrl %>/console/agreements/<%= it.agreementId %>" style="color:#1d4ed8;font-size:15px;">查看协议 #<%= it.agreementId %></a>
</div>
<p style="margin:0;font-size:14px;color:#6b7280;">请核实项目进展并在协议中登记实绩；同一预警在状态变化前不会重复提醒。</p>`,
  },
  text: {
    'zh-CN': `以下投资协议出现预警（<%= it.kindLabel %>），自 <%= it.since %> 起：
<%= it.enterpriseName %><% if (it.projectTitle) { %>，项目「<%= it.projectTitle %>」<% } %>，<%= it.region %>
相关承诺：<%= it.pledgeLabel %><% if (it.dueOn) { %>（约定 <%= it.dueOn %>）<% } %>
查看协议：<%= it.baseUrl %>/console/agreements/<%= it.agreementId %>

请核实项目进展并在协议中登记实绩；同一预警在状态变化前不会重复提醒。`,
  },
});
