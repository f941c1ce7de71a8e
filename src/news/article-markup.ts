import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies: Markdown with a small HTML subset (pasted tables and paragraphs from bureau
 * sites), rendered on the server and then sanitised with an allowlist — no script, no style
 * (element or attribute), no event handlers, no javascript:/data: URLs, no iframes or forms.
 * Links of submitted articles get rel="noopener nofollow" (and every link noopener), so a
 * submission cannot lend our ranking to a spammer's site.
 */
const md = new MarkdownIt({ html: true, linkify: true, breaks: false, typographer: false });
md.set({ maxNesting: 20 });

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'sub',
  'sup',
  'mark',
  'small',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'code',
  'pre',
  'a',
  'abbr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'figure',
  'figcaption',
];

export interface RenderOptions {
  /** A submission (投稿): its links are nofollow. */
  submitted: boolean;
}

function sanitizeOptions(opts: RenderOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      abbr: ['title'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      col: ['span'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    // script/style contents vanish with the element (text of other unknown elements is kept)
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
    disallowedTagsMode: 'discard',
    transformTags: {
      // markdown's # is the article title's level: body headings start at h2
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: opts.submitted ? 'noopener nofollow ugc' : 'noopener' } }),
    },
    exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
  };
}

/** Markdown (and allowed HTML) to safe HTML. */
export function renderArticleBody(markdown: string, opts: RenderOptions): string {
  return sanitizeHtml(md.render(markdown), sanitizeOptions(opts));
}

/** The body as plain text (search index, summaries, feed). */
export function plainText(markdown: string): string {
  const html = md.render(markdown);
  return sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'svg', 'template'],
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Limits that refuse markup bombs before rendering (deep nesting, tag floods). */
export const MARKUP_LIMITS = { maxTags: 4000, maxDepth: 30, maxQuoteDepth: 10 } as const;

const VOID = new Set(['br', 'hr', 'img', 'col', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'source', 'track', 'embed', 'param']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;

/** Why a body's markup is refused (null: fine). Linear in the length; run after the length cap. */
export function markupProblem(body: string): string | null {
  let tags = 0;
  let depth = 0;
  let maxDepth = 0;
  for (const m of body.matchAll(TAG)) {
    if (++tags > MARKUP_LIMITS.maxTags) return `HTML 标签过多（最多 ${MARKUP_LIMITS.maxTags} 个）`;
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else maxDepth = Math.max(maxDepth, ++depth);
    if (maxDepth > MARKUP_LIMITS.maxDepth) return `HTML 嵌套过深（最多 ${MARKUP_LIMITS.maxDepth} 层）`;
  }
  // Markdown's own nesting: block quotes (> > > …) and list indentation
  for (const line of body.split('\n', 20_000)) {
    const quotes = /^[\s>]*/.exec(line)![0].replace(/\s/g, '').length;
    if (quotes > MARKUP_LIMITS.maxQuoteDepth) return `引用嵌套过深（最多 ${MARKUP_LIMITS.maxQuoteDepth} 层）`;
  }
  return null;
}
