/**
 * Group commit for hot single-row statements: calls arriving in the same tick (or while up to
 * `inFlight` batches are running) are executed as one statement. Under load this turns N commits
 * (N WAL flushes) into a few, without changing what each caller waits for: its promise settles
 * only when the statement that covered it has committed.
 */
export class MicroBatch<I, O> {
  private queue: Array<{ input: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly max = 200,
    private readonly inFlight = 2,
  ) {}

  push(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.inFlight || !this.queue.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.queue.length && this.running < this.inFlight) {
      const batch = this.queue.splice(0, this.max);
      this.running++;
      this.run(batch.map((b) => b.input))
        .then(
          (outs) => batch.forEach((b, i) => b.resolve(outs[i])),
          (err) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          this.running--;
          this.schedule();
        });
    }
  }
}
