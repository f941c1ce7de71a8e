import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStorageContract } from '../../../test/support/file-storage-contract.js';
import { LocalDiskStorage } from './local-disk-storage.js';

let root: string;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

fileStorageContract('LocalDiskStorage', async () => {
  root = await mkdtemp(join(tmpdir(), 'im-storage-'));
  return new LocalDiskStorage(root);
});

describe('LocalDiskStorage', () => {
  it('leaves no temporary file behind and keeps files under its root', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'im-storage-'));
    try {
      const storage = new LocalDiskStorage(dir);
      await storage.put('certificates/9/c.pdf', Buffer.from('%PDF-'), 'application/pdf');
      expect((await readdir(join(dir, 'certificates/9'))).sort()).toEqual(['c.pdf', 'c.pdf.type']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
