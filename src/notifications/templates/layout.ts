/**
 * The frame of every HTML e-mail: one column, max 600 px, system fonts, inline styles (mail
 * clients drop <style> blocks and scripts), large tap targets; readable on a phone. `it.body` is
 * the template's already-escaped HTML; everything else is escaped here.
 */
export const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title><%= it.subject %></title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1f2933;line-height:1.6;">
<div style="max-width:600px;margin:0 auto;padding:16px;">
<div style="font-size:15px;font-weight:600;color:#b42318;padding:4px 0 12px;"><%= it.lang === 'en' ? 'InvestMatch' : 'InvestMatch 招商撮合' %></div>
<div style="background:#ffffff;border-radius:8px;padding:20px 16px;font-size:16px;">
<% if (it.recipientName) { %><p style="margin:0 0 12px;"><%= it.lang === 'en' ? 'Dear ' + it.recipientName + ',' : it.recipientName + '，您好：' %></p><% } %>
<%~ it.body %>
</div>
<div style="font-size:12px;color:#6b7280;padding:16px 4px;">
<% if (it.lang === 'en') { %>
<p style="margin:0 0 6px;">This message was sent by InvestMatch, the investment-promotion matchmaking platform.</p>
<% if (it.preferencesUrl) { %><p style="margin:0 0 6px;"><a href="<%= it.preferencesUrl %>" style="color:#6b7280;">Notification settings</a> · <a href="<%= it.unsubscribeUrl %>" style="color:#6b7280;">Unsubscribe</a></p><% } %>
<% } else { %>
<p style="margin:0 0 6px;">本邮件由 InvestMatch 招商撮合平台自动发送，请勿直接回复。</p>
<% if (it.preferencesUrl) { %><p style="margin:0 0 6px;"><a href="<%= it.preferencesUrl %>" style="color:#6b7280;">通知设置</a> · <a href="<%= it.unsubscribeUrl %>" style="color:#6b7280;">退订此类邮件</a></p><% } %>
<% } %>
</div>
</div>
</body>
</html>
`;

/** The plain-text footer (no escaping in text parts). */
export const TEXT_FOOTER = `<% if (it.lang === 'en') { %>--
Sent by InvestMatch. Please do not reply.
<% if (it.preferencesUrl) { %>Notification settings: <%= it.preferencesUrl %>
Unsubscribe: <%= it.unsubscribeUrl %>
<% } %><% } else { %>--
本邮件由 InvestMatch 招商撮合平台自动发送，请勿直接回复。
<% if (it.preferencesUrl) { %>通知设置：<%= it.preferencesUrl %>
退订此类邮件：<%= it.unsubscribeUrl %>
<% } %><% } %>`;
