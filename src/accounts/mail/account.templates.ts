import { defineTemplate } from '../../notifications/templates/registry.js';

/**
 * Account e-mails (category `transactional`: always sent). The link carries the single-use token;
 * the template builds the absolute URL from PUBLIC_BASE_URL (`it.baseUrl`) and the path.
 */
export interface AccountLinkData {
  /** Path and query of the link, e.g. `/auth/verify-email?token=…`. */
  path: string;
  /** How long the link works, in words (e.g. `48 小时`). */
  validFor: string;
}

export interface InviteData extends AccountLinkData {
  bureauName: string | null;
  roleLabel: string;
  invitedBy: string;
}

const checkLink = (d: AccountLinkData) => {
  if (!d || typeof d.path !== 'string' || !d.path.startsWith('/') || typeof d.validFor !== 'string')
    throw new Error('account mail needs { path: "/…", validFor }');
};

const button = (label: string) =>
  `<p style="margin:20px 0 12px;"><a href="<%= it.baseUrl + it.path %>" style="display:inline-block;background:#b42318;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;">${label}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#6b7280;">如果按钮无法点击，请复制以下链接到浏览器打开：<br><span style="word-break:break-all;"><%= it.baseUrl + it.path %></span></p>`;

export const verifyEmailTemplate = defineTemplate<AccountLinkData>({
  name: 'account.verify-email',
  subject: () => '请验证您的邮箱 — InvestMatch 招商撮合',
  validate: checkLink,
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;">验证邮箱，完成企业入驻</h1>
<p style="margin:0 0 12px;">感谢您在 InvestMatch 招商撮合平台注册企业账户。请点击下面的按钮验证邮箱地址，验证后即可登录，查看为贵企业匹配的招商项目和可享受的惠企政策。</p>
${button('验证邮箱')}
<p style="margin:0 0 12px;">链接 <%= it.validFor %>内有效，只能使用一次。如果不是您本人注册，请忽略本邮件。</p>`,
  },
  text: {
    'zh-CN': `验证邮箱，完成企业入驻

感谢您在 InvestMatch 招商撮合平台注册企业账户。请打开下面的链接验证邮箱地址，验证后即可登录。

<%= it.baseUrl + it.path %>

链接 <%= it.validFor %>内有效，只能使用一次。如果不是您本人注册，请忽略本邮件。`,
  },
});

export const passwordResetTemplate = defineTemplate<AccountLinkData>({
  name: 'account.password-reset',
  subject: () => '重置密码 — InvestMatch 招商撮合',
  validate: checkLink,
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;">重置登录密码</h1>
<p style="margin:0 0 12px;">我们收到了重置您账户密码的申请。请点击下面的按钮设置新密码。</p>
${button('设置新密码')}
<p style="margin:0 0 12px;">链接 <%= it.validFor %>内有效，只能使用一次；设置新密码后，所有已登录的设备都需要重新登录。如果不是您本人申请，请忽略本邮件，您的密码不会改变。</p>`,
  },
  text: {
    'zh-CN': `重置登录密码

我们收到了重置您账户密码的申请。请打开下面的链接设置新密码：

<%= it.baseUrl + it.path %>

链接 <%= it.validFor %>内有效，只能使用一次；设置新密码后，所有已登录的设备都需要重新登录。如果不是您本人申请，请忽略本邮件，您的密码不会改变。`,
  },
});

export const inviteTemplate = defineTemplate<InviteData>({
  name: 'account.invite',
  subject: (d) => `${d.invitedBy} 邀请您加入 InvestMatch 招商撮合`,
  validate: checkLink,
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;">您已受邀加入 InvestMatch 招商撮合</h1>
<p style="margin:0 0 12px;"><%= it.invitedBy %> 为您开通了<% if (it.bureauName) { %><%= it.bureauName %>的<% } %><%= it.roleLabel %>账户。请点击下面的按钮设置登录密码。</p>
${button('设置密码并登录')}
<p style="margin:0 0 12px;">链接 <%= it.validFor %>内有效，只能使用一次。如果您不认识邀请人，请忽略本邮件。</p>`,
  },
  text: {
    'zh-CN': `您已受邀加入 InvestMatch 招商撮合

<%= it.invitedBy %> 为您开通了<% if (it.bureauName) { %><%= it.bureauName %>的<% } %><%= it.roleLabel %>账户。请打开下面的链接设置登录密码：

<%= it.baseUrl + it.path %>

链接 <%= it.validFor %>内有效，只能使用一次。如果您不认识邀请人，请忽略本邮件。`,
  },
});
