import { Eta } from 'eta';
import { MATCH_FREQUENCIES } from './notification.vocabulary.js';
import type { SubscriberSettings } from './notification-preferences.service.js';

/**
 * The few pages a recipient opens from an e-mail without logging in (unsubscribe confirmation,
 * notification settings). Plain server-rendered HTML, escaped by eta, no scripts, phone-friendly.
 */
const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false });

eta.loadTemplate(
  '@page',
  `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title><%= it.title %> · InvestMatch 招商撮合</title></head>
<body style="margin:0;background:#f4f5f7;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1f2933;line-height:1.6;">
<main style="max-width:560px;margin:0 auto;padding:16px;">
<p style="font-weight:600;color:#b42318;margin:8px 0 12px;">InvestMatch 招商撮合</p>
<div style="background:#fff;border-radius:8px;padding:20px 16px;">
<h1 style="font-size:20px;margin:0 0 12px;"><%= it.title %></h1>
<%~ it.body %>
</div></main></body></html>`,
);

const btn =
  'display:inline-block;background:#b42318;color:#fff;border:0;padding:12px 20px;border-radius:6px;font-size:16px;font-weight:600;cursor:pointer;';
const CATEGORY_LABEL = { match: '匹配通知邮件（新的项目匹配、免申即享政策、辖区招商动态）', reminder: '跟进提醒邮件' } as const;

eta.loadTemplate(
  '@unsubscribe',
  `<p>确认后，您将不再收到<strong><%= it.label %></strong>。账户相关的邮件（如密码重置）不受影响。</p>
<form method="post" action="<%= it.action %>">
<% if (it.csrf) { %><input type="hidden" name="_csrf" value="<%= it.csrf %>"><% } %>
<button type="submit" style="${btn}">确认退订</button>
</form>
<p style="margin-top:16px;font-size:14px;">也可以<a href="<%= it.settingsUrl %>">调整通知设置</a>，例如改为每周汇总。</p>`,
);

eta.loadTemplate(
  '@done',
  `<p><%= it.message %></p><% if (it.settingsUrl) { %><p style="font-size:14px;"><a href="<%= it.settingsUrl %>">查看或修改通知设置</a></p><% } %>`,
);

eta.loadTemplate(
  '@settings',
  `<% const s = it.settings; %><% if (it.saved) { %><p style="background:#ecfdf3;color:#067647;padding:8px 12px;border-radius:6px;">已保存。</p><% } %>
<p style="font-size:14px;color:#6b7280;"><%= s.kind === 'address' ? s.email : s.name %></p>
<form method="post" action="<%= it.action %>">
<% if (it.csrf) { %><input type="hidden" name="_csrf" value="<%= it.csrf %>"><% } %>
<% if (s.kind === 'address') { %>
<p><label><input type="checkbox" name="match" value="on" <%= s.match ? 'checked' : '' %>> 接收匹配通知邮件</label></p>
<p><label><input type="checkbox" name="reminders" value="on" <%= s.reminders ? 'checked' : '' %>> 接收跟进提醒邮件</label></p>
<input type="hidden" name="checkboxes" value="1">
<% } else { %>
<fieldset style="border:0;padding:0;margin:0 0 12px;"><legend style="font-weight:600;margin-bottom:6px;">匹配通知</legend>
<% for (const [k, label] of it.frequencies) { %><p style="margin:4px 0;"><label><input type="radio" name="matchFrequency" value="<%= k %>" <%= s.matchFrequency === k ? 'checked' : '' %>> <%= label %></label></p>
<% } %></fieldset>
<% if (s.kind === 'user' && s.staff) { %><p><label><input type="checkbox" name="reminders" value="on" <%= s.reminders ? 'checked' : '' %>> 接收跟进提醒</label><input type="hidden" name="checkboxes" value="1"></p><% } %>
<p><label style="font-weight:600;">邮件语言 <select name="language" style="font-size:16px;padding:4px;">
<option value="zh-CN" <%= s.language === 'zh-CN' ? 'selected' : '' %>>简体中文</option>
<option value="en" <%= s.language === 'en' ? 'selected' : '' %>>English</option>
</select></label></p>
<% } %>
<button type="submit" style="${btn}">保存设置</button>
</form>`,
);

const page = (title: string, body: string) => eta.render('@page', { title, body });

export const unsubscribePage = (o: { category: 'match' | 'reminder'; action: string; settingsUrl: string; csrf?: string }) =>
  page('退订邮件', eta.render('@unsubscribe', { ...o, label: CATEGORY_LABEL[o.category] }));

export const donePage = (title: string, message: string, settingsUrl?: string) =>
  page(title, eta.render('@done', { message, settingsUrl }));

export const settingsPage = (o: { settings: SubscriberSettings; action: string; saved?: boolean; csrf?: string }) =>
  page('通知设置', eta.render('@settings', { ...o, frequencies: Object.entries(MATCH_FREQUENCIES) }));

export const invalidLinkPage = () =>
  page(
    '链接无效或已过期',
    eta.render('@done', { message: '该链接无效或已过期。请使用最新邮件中的链接，或登录平台后在“通知设置”中修改。' }),
  );
