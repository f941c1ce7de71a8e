import { defineTemplate } from './registry.js';

export interface NoticeData {
  /** Subject and heading. */
  title: string;
  /** Paragraphs of plain text (escaped; no markup). */
  paragraphs: string[];
  /** An optional button: a label and an absolute URL. */
  action?: { label: string; url: string };
}

/**
 * A general-purpose message: a heading, paragraphs and an optional button. Enough for simple
 * account or reminder mail; define a dedicated template when the content has structure.
 */
export const noticeTemplate = defineTemplate<NoticeData>({
  name: 'notice',
  subject: (d) => d.title,
  validate: (d) => {
    if (!d || typeof d.title !== 'string' || !Array.isArray(d.paragraphs)) throw new Error('notice needs { title, paragraphs[] }');
    if (d.action && !/^https?:\/\//.test(d.action.url)) throw new Error('notice action.url must be an absolute http(s) URL');
  },
  html: {
    'zh-CN': `<h1 style="font-size:20px;margin:0 0 12px;"><%= it.title %></h1>
<% for (const p of it.paragraphs) { %><p style="margin:0 0 12px;"><%= p %></p>
<% } %><% if (it.action) { %><p style="margin:20px 0 4px;"><a href="<%= it.action.url %>" style="display:inline-block;background:#b42318;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;"><%= it.action.label %></a></p>
<% } %>`,
  },
  text: {
    'zh-CN': `<%= it.title %>

<% for (const p of it.paragraphs) { %><%= p %>

<% } %><% if (it.action) { %><%= it.action.label %>：<%= it.action.url %>
<% } %>`,
  },
});
