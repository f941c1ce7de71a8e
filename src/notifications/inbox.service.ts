import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { toPage, type Page } from '../platform/http/pagination.js';
import { notFound } from '../platform/http/problem.js';
import { INBOX_KINDS, type InboxKind } from './inbox.vocabulary.js';

export interface InboxItem {
  id: number;
  kind: InboxKind;
  kindLabel: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Counting stops here ("99+"): the header never counts a long backlog row by row. */
export const UNREAD_CAP = 100;

/** 消息中心: the signed-in user's own in-app messages — list, unread count, mark read. */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  /** Unread messages, up to UNREAD_CAP (the partial index inbox_message_unread_idx answers it). */
  async unreadCount(userId: number): Promise<number> {
    const [r]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM inbox_message WHERE user_id = $1 AND read_at IS NULL LIMIT ${UNREAD_CAP}) x`,
      [userId],
    );
    return r?.n ?? 0;
  }

  async list(actor: Actor, q: { page: number; pageSize: number; unread?: boolean }): Promise<Page<InboxItem> & { unread: number }> {
    const where = `user_id = $1${q.unread ? ' AND read_at IS NULL' : ''}`;
    const rows: Array<{ id: string; kind: InboxKind; title: string; body: string; link: string; created_at: Date; read_at: Date | null }> =
      await this.dataSource.query(
        `SELECT id, kind, title, body, link, created_at, read_at FROM inbox_message WHERE ${where} ORDER BY id DESC LIMIT $2 OFFSET $3`,
        [actor.userId, q.pageSize, (q.page - 1) * q.pageSize],
      );
    const [t]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM inbox_message WHERE ${where}`, [
      actor.userId,
    ]);
    const items = rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      kindLabel: INBOX_KINDS[r.kind] ?? r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
    return { ...toPage(items, t.n, q), unread: await this.unreadCount(actor.userId) };
  }

  /** Marks one of the caller's messages read; returns where it links. Another user's message is answered as unknown. */
  async markRead(actor: Actor, id: number): Promise<{ id: number; link: string }> {
    const rows: Array<{ id: string; link: string }> = await this.dataSource.query(
      `WITH u AS (UPDATE inbox_message SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, link) SELECT * FROM u`,
      [id, actor.userId],
    );
    if (!rows.length) throw notFound('消息');
    return { id: Number(rows[0].id), link: rows[0].link };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const [r]: Array<{ n: number }> = await this.dataSource.query(
      `WITH u AS (UPDATE inbox_message SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM u`,
      [actor.userId],
    );
    return { marked: r.n };
  }
}
