import type { FileStorage } from '../../src/platform/storage/file-storage.js';

/**
 * What every FileStorage must do, run against each adapter (local disk in its spec, the S3 adapter against
 * an S3-compatible server in test/integration/platform/s3-storage.int.spec.ts).
 */
export function fileStorageContract(name: string, make: () => Promise<FileStorage> | FileStorage): void {
  describe(`${name}: the FileStorage contract`, () => {
    let storage: FileStorage;
    beforeAll(async () => {
      storage = await make();
    });

    it('gives back the bytes and the content type it was given', async () => {
      const bytes = Buffer.from('%PDF-1.4\n证书\n%%EOF\n');
      await storage.put('certificates/1/high_tech-a.pdf', bytes, 'application/pdf');
      const got = await storage.get('certificates/1/high_tech-a.pdf');
      expect(got?.contentType).toBe('application/pdf');
      expect(got?.bytes.equals(bytes)).toBe(true);
    });

    it('overwrites a key', async () => {
      await storage.put('intake/x.txt', Buffer.from('一'), 'text/plain; charset=utf-8');
      await storage.put('intake/x.txt', Buffer.from('二'), 'text/plain; charset=utf-8');
      expect((await storage.get('intake/x.txt'))?.bytes.toString()).toBe('二');
    });

    it('answers null for a missing key, and deleting twice is fine', async () => {
      expect(await storage.get('certificates/404/none.pdf')).toBeNull();
      await storage.put('certificates/2/b.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
      await storage.delete('certificates/2/b.png');
      await storage.delete('certificates/2/b.png');
      expect(await storage.get('certificates/2/b.png')).toBeNull();
    });

    it('refuses keys that could leave its root', async () => {
      for (const key of ['../etc/passwd', '/abs/path', 'a/../../b', 'with space', 'dir/']) {
        await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}
