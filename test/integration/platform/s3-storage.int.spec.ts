import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { fileStorageContract } from '../../support/file-storage-contract.js';
import { S3Storage } from '../../../src/platform/storage/s3-storage.js';
import { storageFor } from '../../../src/platform/storage/storage.module.js';
import { loadConfig } from '../../../src/platform/config/config.js';

/**
 * The S3 adapter against a real S3-compatible server run in this process (s3rver, on loopback, a
 * temporary directory): the same contract the local-disk adapter passes, plus the configuration that selects it.
 */
let server: S3rver;
let dir: string;
let endpoint: string;
const storages: S3Storage[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'im-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'investmatch-test', configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const s of storages) s.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const make = (prefix = '') => {
  const s = new S3Storage({
    bucket: 'investmatch-test',
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix,
  });
  storages.push(s);
  return s;
};

fileStorageContract('S3Storage (s3rver)', () => make());

describe('S3Storage', () => {
  it('keeps deployments apart by prefix', async () => {
    const a = make('a/');
    const b = make('b/');
    await a.put('certificates/1/x.pdf', Buffer.from('%PDF-a'), 'application/pdf');
    expect(await b.get('certificates/1/x.pdf')).toBeNull();
    expect((await a.get('certificates/1/x.pdf'))?.bytes.toString()).toBe('%PDF-a');
  });

  it('is what STORAGE_DRIVER=s3 selects, and a bucket is required for it', async () => {
    const storage = storageFor(
      loadConfig({
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'investmatch-test',
        S3_ENDPOINT: endpoint,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );
    expect(storage).toBeInstanceOf(S3Storage);
    storages.push(storage as S3Storage);
    await storage.put('intake/config.txt', Buffer.from('一'), 'text/plain; charset=utf-8');
    expect((await make().get('intake/config.txt'))?.bytes.toString()).toBe('一');
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
  });
});
