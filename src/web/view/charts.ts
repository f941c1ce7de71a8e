/**
 * Charts drawn on the server as inline SVG (no JavaScript, nothing from a CDN): a funnel for the
 * 三个一批 pipeline and vertical bars for trends. Every text is XML-escaped here because the
 * templates output the SVG unescaped; each chart carries a <title> and a <desc> for screen
 * readers, and the pages show the same figures in a table.
 */
export interface ChartDatum {
  label: string;
  value: number;
  /** Shown after the value (e.g. "3.5 亿元"). */
  note?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLORS = ['#0b57a4', '#1769c2', '#2f7fd1', '#1b6e34', '#2b8a46', '#3fa35b', '#8a949e'];

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${(++seq).toString(36)}`;

/** Horizontal funnel: one bar per step, width proportional to the largest value. */
export function funnelSvg(title: string, steps: readonly ChartDatum[], opts: { width?: number } = {}): string {
  const width = opts.width ?? 640;
  const rowH = 40;
  const labelW = 96;
  const height = steps.length * rowH + 8;
  const max = Math.max(1, ...steps.map((s) => s.value));
  const id = nextId('chart');
  const desc = steps.map((s) => `${s.label} ${s.value}${s.note ? `（${s.note}）` : ''}`).join('；');
  const bars = steps
    .map((s, i) => {
      const barMax = width - labelW - 150;
      const w = Math.max(2, Math.round((s.value / max) * barMax));
      const x = labelW + Math.round((barMax - w) / 2);
      const y = 4 + i * rowH;
      const text = `${s.value}${s.note ? ` · ${s.note}` : ''}`;
      return (
        `<text x="${labelW - 8}" y="${y + 24}" text-anchor="end" font-size="14" fill="#1b1f24">${esc(s.label)}</text>` +
        `<rect x="${x}" y="${y + 4}" width="${w}" height="${rowH - 10}" rx="4" fill="${COLORS[i % COLORS.length]}"></rect>` +
        `<text x="${labelW + barMax + 8}" y="${y + 24}" font-size="13" fill="#1b1f24">${esc(text)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${bars}</svg>`
  );
}

/** Vertical bars over time (e.g. signings per month). */
export function barsSvg(title: string, data: readonly ChartDatum[], opts: { width?: number; height?: number } = {}): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 220;
  const top = 20;
  const bottom = 36;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = data.length ? (width - 20) / data.length : width;
  const barW = Math.max(6, Math.min(48, slot * 0.6));
  const id = nextId('chart');
  const desc = data.map((d) => `${d.label} ${d.value}${d.note ? `（${d.note}）` : ''}`).join('；') || '暂无数据';
  const bars = data
    .map((d, i) => {
      const h = Math.round((d.value / max) * plotH);
      const x = 10 + i * slot + (slot - barW) / 2;
      const y = top + plotH - h;
      return (
        `<rect x="${x.toFixed(1)}" y="${y}" width="${barW.toFixed(1)}" height="${Math.max(h, d.value > 0 ? 2 : 0)}" rx="3" fill="#0b57a4"></rect>` +
        `<text x="${(x + barW / 2).toFixed(1)}" y="${y - 4}" text-anchor="middle" font-size="12" fill="#1b1f24">${d.value}</text>` +
        `<text x="${(x + barW / 2).toFixed(1)}" y="${height - 14}" text-anchor="middle" font-size="12" fill="#3d444b">${esc(d.label)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>` +
    `<line x1="10" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#8a949e"></line>${bars}</svg>`
  );
}
