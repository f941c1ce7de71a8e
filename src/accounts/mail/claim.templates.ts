import { defineTemplate } from '../../notifications/templates/registry.js';
import type { AccountLinkData } from './account.templates.js';

/** 认领 e-mails (category `transactional`). */
export interface ClaimConfirmData extends AccountLinkData {
  enterpriseName: string;
  applicantName: string;
  applicantEmail: string;
}

export interface ClaimDecisionData {
  enterpriseName: string;
  approved: boolean;
  reason: string;
}

const checkConfirm = (d: ClaimConfirmData) => {
  if (!d || typeof d.path !== 'string' || !d.path.startsWith('/') || typeof d.enterpriseName !== 'string')
    throw new Error('claim mail needs { path: "/…", validFor, enterpriseName, applicantName, applicantEmail }');
};

/** To the enterprise's contact address on record: someone asks to take over the enterprise's account. */
export const claimConfirmTemplate = defineTemplate<ClaimConfirmData>({
  name: 'account.claim-confirm',
  subject: (d) => `请确认：${d.enterpriseName}的平台账户认领申请 — InvestMatch 招商撮合`,
  validate: checkConfirm,
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;">确认企业账户认领</h1>
<p style="margin:0 0 12px;"><strong><%= it.applicantName %></strong>（<%= it.applicantEmail %>）申请在 InvestMatch 招商撮合平台认领「<%= it.enterpriseName %>」的企业账户。本邮件发给招商部门登记的该企业联系人邮箱。</p>
<p style="margin:0 0 12px;">如果这是贵企业授权的同事，请点击下面的按钮确认；确认后对方即可管理贵企业的资料、查看匹配的项目和政策。</p>
<p style="margin:20px 0 12px;"><a href="<%= it.baseUrl + it.path %>" style="display:inline-block;background:#b42318;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;">查看并确认</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#6b7280;">如果按钮无法点击，请复制以下链接到浏览器打开：<br><span style="word-break:break-all;"><%= it.baseUrl + it.path %></span></p>
<p style="margin:0 0 12px;">链接 <%= it.validFor %>内有效，只能使用一次。如果您不认识申请人，请忽略本邮件，对方无法取得贵企业的账户。</p>`,
  },
  text: {
    'zh-CN': `确认企业账户认领

<%= it.applicantName %>（<%= it.applicantEmail %>）申请在 InvestMatch 招商撮合平台认领「<%= it.enterpriseName %>」的企业账户。如果这是贵企业授权的同事，请打开下面的链接确认：

<%= it.baseUrl + it.path %>

链接 <%= it.validFor %>内有效，只能使用一次。如果您不认识申请人，请忽略本邮件，对方无法取得贵企业的账户。`,
  },
});

/** To the applicant, when an officer refused the claim. (An approval sends the verification e-mail instead.) */
export const claimRejectedTemplate = defineTemplate<ClaimDecisionData>({
  name: 'account.claim-rejected',
  subject: (d) => `认领申请未通过：${d.enterpriseName} — InvestMatch 招商撮合`,
  validate: (d) => {
    if (!d || typeof d.enterpriseName !== 'string' || typeof d.reason !== 'string')
      throw new Error('claim decision needs { enterpriseName, reason }');
  },
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;">认领申请未通过</h1>
<p style="margin:0 0 12px;">您认领「<%= it.enterpriseName %>」企业账户的申请，经当地招商部门审核未予通过。</p>
<p style="margin:0 0 12px;">原因：<%= it.reason %></p>
<p style="margin:0 0 12px;">如有疑问，请联系企业注册地的招商部门。</p>`,
  },
  text: {
    'zh-CN': `认领申请未通过

您认领「<%= it.enterpriseName %>」企业账户的申请，经当地招商部门审核未予通过。

原因：<%= it.reason %>

如有疑问，请联系企业注册地的招商部门。`,
  },
});
