/**
 * Display in the units officials use: money in 元/万元/亿元 (kept as whole yuan), land in 亩,
 * dates in Asia/Shanghai.
 */
const trim = (n: number, digits: number) => n.toFixed(digits).replace(/\.?0+$/, '');

export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${trim(yuan / 1e8, 2)} 亿元`;
  if (abs >= 1e4) return `${trim(yuan / 1e4, 2)} 万元`;
  return `${yuan} 元`;
}

const wanFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Always in 万元 ("0 万元", "30,000 万元") — for figures shown side by side, like the exports' 万元 columns. */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  return `${wanFmt.format(yuan / 1e4)} 万元`;
}

/** "1–5 亿元", "5000 万元以上", "不超过 2 亿元". */
export function formatYuanRange(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null && max == null) return '未填写';
  if (min == null) return `不超过 ${formatYuan(max)}`;
  if (max == null) return `${formatYuan(min)}以上`;
  if (min === max) return formatYuan(min);
  const [a, b] = [formatYuan(min), formatYuan(max)];
  const unitA = a.split(' ')[1];
  const unitB = b.split(' ')[1];
  return unitA === unitB ? `${a.split(' ')[0]}–${b}` : `${a}–${b}`;
}

export function formatMu(mu: number | null | undefined): string {
  return mu === null || mu === undefined ? '—' : `${trim(mu, 2)} 亩`;
}

const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-01-05 for a moment, in Asia/Shanghai. */
export function shanghaiDate(d: Date | string): string {
  const parts = Object.fromEntries(dateFmt.formatToParts(new Date(d)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** 2026-01-05 10:00 for a moment, in Asia/Shanghai. */
export function shanghaiDateTime(d: Date | string): string {
  const parts = Object.fromEntries(dateTimeFmt.formatToParts(new Date(d)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
