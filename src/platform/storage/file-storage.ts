/**
 * One interface for stored files (uploaded documents, certificate evidence): local disk by default,
 * an S3-compatible bucket by configuration. Keys are chosen by the caller ("certificates/12/hitech-…"),
 * made only of [A-Za-z0-9/._-]; bytes are opaque here — type and size are checked before put (file-kind.ts).
 */
export interface StoredFile {
  readonly bytes: Buffer;
  readonly contentType: string;
}

export abstract class FileStorage {
  /** Writes (or overwrites) the file at `key`. */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file at `key`, or null when there is none. */
  abstract get(key: string): Promise<StoredFile | null>;
  /** Removes the file at `key`; a missing one is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^(?!\/)(?!.*\.\.)[A-Za-z0-9/._-]{1,400}$/;

/** Throws on a key that could leave the storage root or that a bucket would not take. */
export function assertKey(key: string): void {
  if (!KEY.test(key) || key.endsWith('/')) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
