import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock.js';
import { shanghaiDate } from '../platform/format/units.js';
import { JobHandler } from '../platform/queue/job-handler.decorator.js';
import { notifyInApp } from '../notifications/inbox.js';
import { NotificationsService, type EnqueueInput } from '../notifications/notifications.service.js';
import { regions } from '../reference/regions.js';
import { LEAD_STAGES, OPEN_STAGES, type LeadStage } from './lead.vocabulary.js';
import { leadRemindersJob } from './leads.jobs.js';
import { dailySummaryTemplate, followUpDueTemplate, leadIdleTemplate, type ReminderLead } from './reminder-templates.js';

const DAY = 24 * 3600_000;
const BATCH = 500;
const SUMMARY_LEADS = 20;

interface Row {
  id: number;
  owner_id: number;
  region_code: string;
  enterprise_name: string;
  project_title: string | null;
  stage: LeadStage;
  next_follow_up_on: string | null;
  last_activity_at: Date;
  limit_days: number;
}

export interface ReminderRun {
  date: string;
  followUps: number;
  idle: number;
  summaries: number;
  /** Messages written now (the rest existed already: the run is idempotent per day). */
  created: number;
}

/**
 * Officers' reminders through the notification pipeline (category `reminder`, so preferences and
 * unsubscribes apply): a follow-up planned for today, a lead idle longer than its bureau's limit
 * (default 14 days; once per idle spell and again each further limit), and a daily summary per
 * officer with open leads. Every message has a dedupe key per lead (or officer) and day, so
 * running twice on a day sends nothing twice. A BullMQ job scheduler (leads.jobs.ts) runs it daily
 * at LEAD_REMINDER_HOUR (Asia/Shanghai); "today" comes from the injected Clock.
 */
@Injectable()
export class LeadRemindersService {
  private readonly log = new Logger('LeadReminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  @JobHandler(leadRemindersJob)
  async handle(): Promise<ReminderRun> {
    return this.run();
  }

  async run(now: Date = this.clock.now()): Promise<ReminderRun> {
    const date = shanghaiDate(now);
    const out: ReminderRun = { date, followUps: 0, idle: 0, summaries: 0, created: 0 };
    const base = `SELECT l.id, l.owner_id, l.region_code, e.name AS enterprise_name, p.title AS project_title, l.stage,
        l.next_follow_up_on::text AS next_follow_up_on, l.last_activity_at, coalesce(b.idle_limit_days, 14) AS limit_days
      FROM lead l JOIN enterprise e ON e.id = l.enterprise_id LEFT JOIN project p ON p.id = l.project_id
      LEFT JOIN bureau b ON b.id = l.bureau_id JOIN app_user u ON u.id = l.owner_id AND u.active
      WHERE l.stage = ANY($1::varchar[])`;
    const view = (r: Row): ReminderLead => ({
      id: r.id,
      enterpriseName: r.enterprise_name,
      projectTitle: r.project_title,
      region: regions().fullName(r.region_code),
      stageLabel: LEAD_STAGES[r.stage],
      nextFollowUpOn: r.next_follow_up_on,
      idleDays: Math.max(0, Math.floor((now.getTime() - r.last_activity_at.getTime()) / DAY)),
    });

    const due: Row[] = await this.dataSource.query(`${base} AND l.next_follow_up_on = $2::date ORDER BY l.id`, [OPEN_STAGES, date]);
    out.followUps = due.length;
    // 消息中心 too (whatever the officer's mail preferences): one message per lead and day
    for (let i = 0; i < due.length; i += BATCH) {
      await this.dataSource.transaction((m) =>
        notifyInApp(
          m,
          due.slice(i, i + BATCH).map((r) => ({
            userIds: [r.owner_id],
            kind: 'follow_up' as const,
            title: `今日待跟进：${r.enterprise_name}`,
            body: r.project_title ?? regions().fullName(r.region_code),
            link: `/console/leads/${r.id}`,
            dedupeKey: `follow-up:${r.id}:${date}`,
          })),
        ),
      );
    }
    out.created += await this.send(
      due.map((r) => ({
        template: followUpDueTemplate,
        recipient: { userId: r.owner_id },
        data: { date, lead: view(r) },
        dedupeKey: `lead-follow-up:${r.id}:${date}`,
        category: 'reminder',
        regionCode: r.region_code,
      })),
    );

    const idle: Row[] = await this.dataSource.query(
      `${base} AND l.last_activity_at < $2::timestamptz - make_interval(days => coalesce(b.idle_limit_days, 14)) ORDER BY l.id`,
      [OPEN_STAGES, now],
    );
    out.idle = idle.length;
    out.created += await this.send(
      idle.map((r) => {
        const lead = view(r);
        // once per idle spell (its last activity), and again each further limit
        const spell = Math.floor(lead.idleDays / r.limit_days);
        return {
          template: leadIdleTemplate,
          recipient: { userId: r.owner_id },
          data: { date, limitDays: r.limit_days, lead },
          dedupeKey: `lead-idle:${r.id}:${shanghaiDate(r.last_activity_at)}:${spell}`,
          category: 'reminder',
          regionCode: r.region_code,
        };
      }),
    );

    const summaries: Array<{ owner_id: number; open: number; due_today: number; overdue: number; idle: number; new_since: number }> =
      await this.dataSource.query(
        `SELECT l.owner_id, count(*)::int AS open,
         count(*) FILTER (WHERE l.next_follow_up_on = $2::date)::int AS due_today,
         count(*) FILTER (WHERE l.next_follow_up_on < $2::date)::int AS overdue,
         count(*) FILTER (WHERE l.last_activity_at < $3::timestamptz - make_interval(days => coalesce(b.idle_limit_days, 14)))::int AS idle,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM lead_activity a WHERE a.lead_id = l.id AND a.kind = 'assignment' AND a.to_owner_id = l.owner_id AND a.occurred_at >= $3::timestamptz - interval '1 day'))::int AS new_since
       FROM lead l LEFT JOIN bureau b ON b.id = l.bureau_id JOIN app_user u ON u.id = l.owner_id AND u.active
       WHERE l.stage = ANY($1::varchar[]) GROUP BY l.owner_id ORDER BY l.owner_id`,
        [OPEN_STAGES, date, now],
      );
    const urgent: Array<Row & { reason: string }> = await this.dataSource.query(
      `SELECT * FROM (
         SELECT x.*, row_number() OVER (PARTITION BY x.owner_id ORDER BY x.rank, x.next_follow_up_on NULLS LAST, x.last_activity_at) AS n FROM (
           SELECT r.*, CASE WHEN r.next_follow_up_on::date < $2::date THEN 0 WHEN r.next_follow_up_on::date = $2::date THEN 1 ELSE 2 END AS rank,
             CASE WHEN r.next_follow_up_on::date < $2::date THEN '逾期未跟进' WHEN r.next_follow_up_on::date = $2::date THEN '今日待跟进' ELSE '长期未跟进' END AS reason
           FROM (${base}) r
           WHERE r.next_follow_up_on::date <= $2::date OR r.last_activity_at < $3::timestamptz - make_interval(days => r.limit_days)
         ) x
       ) y WHERE n <= ${SUMMARY_LEADS}`,
      [OPEN_STAGES, date, now],
    );
    out.summaries = summaries.length;
    out.created += await this.send(
      summaries.map((s) => ({
        template: dailySummaryTemplate,
        recipient: { userId: s.owner_id },
        data: {
          date,
          open: s.open,
          dueToday: s.due_today,
          overdue: s.overdue,
          idle: s.idle,
          newSinceYesterday: s.new_since,
          leads: urgent.filter((u) => u.owner_id === s.owner_id).map((u) => ({ ...view(u), reason: u.reason })),
        },
        dedupeKey: `lead-summary:${s.owner_id}:${date}`,
        category: 'reminder',
      })),
    );
    if (out.created) this.log.log(out, 'lead reminders written');
    return out;
  }

  /** Writes messages in batches, each batch in its own transaction; returns how many were new. */
  private async send(inputs: Array<EnqueueInput<any>>): Promise<number> {
    let created = 0;
    for (let i = 0; i < inputs.length; i += BATCH) {
      const results = await this.dataSource.transaction((m) => this.notifications.enqueueMany(m, inputs.slice(i, i + BATCH)));
      created += results.filter((r) => r.created).length;
    }
    return created;
  }
}
