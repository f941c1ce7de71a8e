import type { EntityManager } from 'typeorm';

/**
 * `COPY … FROM STDIN` of one whole payload on the connection of the caller's transaction: the
 * protocol's copy-in done the way pg-copy-streams does it, for a payload already in memory (a
 * batch of rows), so no stream machinery and no dependency. Handed to `pg`'s `client.query` as a
 * submittable: pg sends the statement, calls back on CopyInResponse (we send the data and
 * CopyDone), on CommandComplete (`COPY n`) and on ReadyForQuery.
 */
class CopyInQuery {
  private rows = 0;
  private settle!: { resolve: (n: number) => void; reject: (e: Error) => void };
  readonly done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));
  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
  ) {}
  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }): void {
    connection.sendCopyFromChunk(this.payload);
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }): void {
    this.rows = Number(msg.text.split(' ').pop());
  }
  /** A server error (ReadyForQuery follows; pg queues the caller's ROLLBACK behind it) or a lost connection (nothing follows). */
  handleError(err: Error): void {
    this.settle.reject(err);
  }
  handleReadyForQuery(): void {
    this.settle.resolve(this.rows);
  }
}

/** Runs `COPY <table> FROM STDIN` (text format) with `payload` on a pg client; returns the rows copied. */
export function copyInClient(client: { query(q: never): unknown }, copySql: string, payload: string): Promise<number> {
  const q = new CopyInQuery(copySql, Buffer.from(payload));
  (client as { query(q: CopyInQuery): unknown }).query(q);
  return q.done;
}

/** The same in `m`'s transaction (on its connection). */
export async function copyIn(m: EntityManager, copySql: string, payload: string): Promise<number> {
  if (!m.queryRunner) throw new Error('copyIn needs the manager of a transaction');
  return copyInClient((await m.queryRunner.connect()) as { query(q: never): unknown }, copySql, payload);
}
