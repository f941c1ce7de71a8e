/** Calendar arithmetic on YYYY-MM-DD dates (the agreement's dates are days, not moments). */
const DAY = 86_400_000;
const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY);
export const addDays = (d: string, n: number) => iso(ms(d) + n * DAY);
export function addYears(d: string, n: number): string {
  const t = new Date(ms(d));
  t.setUTCFullYear(t.getUTCFullYear() + n);
  return iso(t.getTime());
}
