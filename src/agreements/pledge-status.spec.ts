import { FakeClock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { agreementStatus, trancheState } from './tranche-release.js';
import { clawback } from './clawback.js';
import { evaluatePledges, Facts, type ActualEntry, type PledgeTerms } from './pledge-status.js';
import { warningsOf } from './warnings.js';

const DAY = 86_400_000;
let seq = 0;
const actual = (kind: ActualEntry['kind'], occurredOn: string, v: Partial<ActualEntry> = {}): ActualEntry => ({
  id: ++seq,
  kind,
  occurredOn,
  amountYuan: null,
  count: null,
  correctsId: null,
  ...v,
});
const signedOn = '2026-01-05';
const terms: PledgeTerms = {
  investmentYuan: 100_000_000,
  landMu: 50,
  investmentIntensityYuanPerMu: 2_000_000,
  annualTaxYuanPerMu: 150_000,
  startBy: '2026-04-01',
  productionBy: '2027-01-01',
  reachOutputBy: '2028-01-01',
  jobs: 200,
};
const statusOf = (t: PledgeTerms, xs: ActualEntry[], today: string) =>
  Object.fromEntries(evaluatePledges(t, xs, signedOn, today).map((p) => [p.kind, p.status]));

describe('pledge status (on a fake clock)', () => {
  const clock = new FakeClock(new Date('2026-01-05T02:00:00Z'));
  const today = () => shanghaiDate(clock.now());

  it('walks a date pledge from on_track to at_risk (30 days before) to breached (after it); an actual on time makes it met', () => {
    const t = { startBy: '2026-04-01' };
    expect(statusOf(t, [], today()).start).toBe('on_track');
    clock.set('2026-03-01T02:00:00Z'); // 31 days before
    expect(statusOf(t, [], today()).start).toBe('on_track');
    clock.advance(DAY); // 2026-03-02: 30 days before
    expect(statusOf(t, [], today()).start).toBe('at_risk');
    clock.set('2026-04-01T02:00:00Z');
    expect(statusOf(t, [], today()).start).toBe('at_risk');
    clock.advance(DAY);
    expect(statusOf(t, [], today()).start).toBe('breached');
    expect(statusOf(t, [actual('started', '2026-03-20')], today()).start).toBe('met');
    // a late start is still a breach of the date pledged
    expect(statusOf(t, [actual('started', '2026-04-02')], today()).start).toBe('breached');
  });

  it('counts capital in place up to the due date; a correction replaces the entry it corrects', () => {
    const a = actual('capital', '2026-06-01', { amountYuan: 60_000_000 });
    const b = actual('capital', '2026-09-01', { amountYuan: 40_000_000 });
    expect(statusOf({ investmentYuan: 100_000_000, productionBy: '2027-01-01' }, [a, b], '2026-10-01').investment).toBe('met');
    const fix = actual('capital', '2026-09-01', { amountYuan: 30_000_000, correctsId: b.id });
    expect(new Facts([a, b, fix]).capital('2026-12-31')).toBe(90_000_000);
    expect(statusOf({ investmentYuan: 100_000_000, productionBy: '2027-01-01' }, [a, b, fix], '2027-01-02').investment).toBe('breached');
    // capital arriving after the due date does not cure it
    const late = actual('capital', '2027-01-05', { amountYuan: 10_000_000 });
    expect(statusOf({ investmentYuan: 100_000_000, productionBy: '2027-01-01' }, [a, b, fix, late], '2027-01-06').investment).toBe(
      'breached',
    );
  });

  it('puts the investment at risk when capital is behind the straight-line plan (from 90 days after signing)', () => {
    const t = { investmentYuan: 100_000_000, productionBy: '2027-01-05' }; // one year
    expect(statusOf(t, [], '2026-03-01').investment).toBe('on_track'); // within the grace
    // half a year in: plan 50 %, 80 % of it is 40 M
    expect(statusOf(t, [actual('capital', '2026-06-01', { amountYuan: 41_000_000 })], '2026-07-06').investment).toBe('on_track');
    expect(statusOf(t, [actual('capital', '2026-06-01', { amountYuan: 39_000_000 })], '2026-07-06').investment).toBe('at_risk');
  });

  it('derives intensity and tax per 亩 from the land pledged', () => {
    const xs = [
      actual('capital', '2026-06-01', { amountYuan: 100_000_000 }),
      actual('annual_tax', '2027-12-01', { amountYuan: 7_000_000 }),
      actual('jobs', '2027-12-01', { count: 210 }),
    ];
    const s = statusOf(terms, xs, '2028-01-02');
    expect(s.intensity).toBe('met'); // 1 亿 / 50 亩 = 200 万/亩
    expect(s.tax).toBe('breached'); // 7 M / 50 = 14 万/亩 < 15 万
    expect(s.jobs).toBe('met');
  });

  it('states the agreement: breached if any pledge is, met when all are', () => {
    const ev = evaluatePledges(
      { startBy: '2026-04-01', productionBy: '2027-01-01' },
      [actual('started', '2026-03-01'), actual('producing', '2026-12-01')],
      signedOn,
      '2027-02-01',
    );
    expect(agreementStatus(ev)).toBe('met');
    expect(agreementStatus(evaluatePledges({ startBy: '2026-04-01' }, [], signedOn, '2026-04-02'))).toBe('breached');
    expect(agreementStatus(evaluatePledges({ startBy: '2026-04-01' }, [], signedOn, '2026-03-15'))).toBe('at_risk');
  });
});

describe('tranche release', () => {
  const pledges = (xs: ActualEntry[], today: string) => evaluatePledges(terms, xs, signedOn, today);
  const state = (
    condition: 'started' | 'producing' | 'reached_output' | 'date',
    xs: ActualEntry[],
    today: string,
    extra: { dueOn?: string; requestedBy?: number | null; releasedOn?: string | null } = {},
  ) =>
    trancheState(
      { condition, dueOn: extra.dueOn ?? '2026-06-01', requestedBy: extra.requestedBy ?? null, releasedOn: extra.releasedOn ?? null },
      new Facts(xs, 50),
      pledges(xs, today),
      today,
    );

  it('is releasable only when its condition is met by recorded actuals', () => {
    expect(state('started', [], '2026-03-01')).toBe('pending');
    expect(state('started', [actual('started', '2026-03-01')], '2026-03-02')).toBe('releasable');
    expect(state('started', [actual('started', '2026-03-01')], '2026-03-02', { requestedBy: 7 })).toBe('requested');
    expect(state('producing', [actual('started', '2026-03-01')], '2026-03-02')).toBe('pending');
    expect(state('date', [actual('started', '2026-03-01')], '2026-05-31', { dueOn: '2026-06-01' })).toBe('pending');
    expect(state('date', [actual('started', '2026-03-01')], '2026-06-01', { dueOn: '2026-06-01' })).toBe('releasable');
  });

  it('is withheld while its pledge is breached; released stays released', () => {
    expect(state('started', [], '2026-04-02')).toBe('withheld');
    expect(state('started', [actual('started', '2026-04-10')], '2026-04-11')).toBe('withheld'); // started late
    expect(state('started', [], '2026-04-02', { releasedOn: '2026-03-01' })).toBe('released');
    // a date tranche depends on every pledge due by its date
    expect(state('date', [actual('started', '2026-03-01')], '2026-06-01', { dueOn: '2026-06-01' })).toBe('releasable');
    expect(state('date', [], '2026-06-01', { dueOn: '2026-06-01' })).toBe('withheld');
  });
});

describe('clawback formula', () => {
  it('is the released amount × the largest shortfall among breached pledges', () => {
    expect(clawback(3_000_000, [{ kind: 'start', status: 'breached', achieved: 0 }])).toMatchObject({
      amountDueYuan: 3_000_000,
      shortfall: 1,
      pledge: 'start',
    });
    expect(clawback(3_000_000, [{ kind: 'investment', status: 'breached', achieved: 0.9 }])).toMatchObject({
      amountDueYuan: 300_000,
      pledge: 'investment',
    });
    expect(
      clawback(1_000_001, [
        { kind: 'investment', status: 'breached', achieved: 0.75 },
        { kind: 'jobs', status: 'breached', achieved: 0.5 },
        { kind: 'tax', status: 'at_risk', achieved: 0 },
      ]),
    ).toMatchObject({ amountDueYuan: 500_001, shortfall: 0.5, pledge: 'jobs' });
    expect(clawback(0, [{ kind: 'start', status: 'breached', achieved: 0 }]).amountDueYuan).toBe(0);
    expect(clawback(5_000, [{ kind: 'start', status: 'at_risk', achieved: 0 }]).amountDueYuan).toBe(0);
  });
});

describe('warnings', () => {
  it('holds 签约未开工 past startBy until the start is recorded, 开工未投产 past productionBy, 投产未达产 at reachOutputBy, 到资滞后 behind plan', () => {
    const kinds = (xs: ActualEntry[], today: string) =>
      warningsOf(terms, xs, signedOn, today)
        .map((w) => w.kind)
        .sort();
    expect(kinds([], '2026-04-01')).toEqual([]); // 86 days after signing: within the plan's grace, before startBy
    expect(kinds([], '2026-04-10')).toEqual(['capital_behind', 'not_started']);
    expect(kinds([actual('capital', '2026-03-01', { amountYuan: 50_000_000 })], '2026-04-02')).toEqual(['not_started']);
    expect(warningsOf(terms, [], signedOn, '2026-04-02').find((w) => w.kind === 'not_started')).toEqual({
      kind: 'not_started',
      pledge: 'start',
      since: '2026-04-02',
    });
    const started = [actual('capital', '2026-03-01', { amountYuan: 100_000_000 }), actual('started', '2026-04-03')];
    expect(kinds(started, '2026-05-01')).toEqual([]);
    expect(kinds(started, '2027-01-02')).toEqual(['not_producing']);
    const producing = [...started, actual('producing', '2027-01-03')];
    expect(kinds(producing, '2028-01-01')).toEqual(['below_output']);
    expect(
      kinds(
        [...producing, actual('reached_output', '2027-12-01'), actual('annual_tax', '2027-12-01', { amountYuan: 8_000_000 })],
        '2028-01-01',
      ),
    ).toEqual([]);
  });
});
