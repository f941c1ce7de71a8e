import type { EntityManager } from 'typeorm';
import { ProblemException, type FieldError } from '../../platform/http/problem.js';

/** The field errors of a refused row (a problem thrown by a service), or the error itself. */
export function problemErrors(err: unknown): FieldError[] | null {
  if (err instanceof ProblemException) return err.errors?.length ? err.errors : [{ field: '(row)', code: err.type, message: err.message }];
  return null;
}

let n = 0;

/**
 * Runs one row's writes in a savepoint: a row the service refuses is rolled back alone (and
 * reported); anything else (a bug, a lost connection) fails the whole import.
 */
export async function withSavepoint<T>(
  m: EntityManager,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
  const name = `import_row_${++n}`;
  await m.query(`SAVEPOINT ${name}`);
  try {
    const value = await work();
    await m.query(`RELEASE SAVEPOINT ${name}`);
    return { ok: true, value };
  } catch (err) {
    const errors = problemErrors(err);
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    if (!errors) throw err;
    return { ok: false, errors };
  }
}
