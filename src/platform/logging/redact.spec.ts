import { redactLogLine, redactUrl } from './redact.js';

describe('log redaction', () => {
  it('replaces the values of token-bearing query parameters, keeping the rest of the URL', () => {
    expect(redactUrl('/auth/verify-email?token=abc.DEF-123')).toBe('/auth/verify-email?token=[REDACTED]');
    expect(redactUrl('/notifications/settings?lang=zh&token=xyz&x=1')).toBe('/notifications/settings?lang=zh&token=[REDACTED]&x=1');
    expect(redactUrl('/projects?q=token&page=2')).toBe('/projects?q=token&page=2');
    expect(redactUrl('/x?TOKEN=a&_csrf=b')).toBe('/x?TOKEN=[REDACTED]&_csrf=[REDACTED]');
  });

  it('scrubs a whole JSON log line: URLs anywhere, credential headers, bearer tokens, the session cookie', () => {
    const line = JSON.stringify({
      msg: 'failed GET https://x.example/auth/reset-password?token=s3cr3t',
      req: { headers: { authorization: 'Bearer abc', cookie: 'im_session=zzz; other=1', 'x-csrf-token': 'ccc' } },
      err: { stack: 'Error: Bearer qqq at im_session=yyy;' },
    });
    const out = redactLogLine(line);
    for (const secret of ['s3cr3t', 'abc', 'zzz', 'ccc', 'qqq', 'yyy']) expect(out).not.toContain(secret);
    expect(JSON.parse(out).req.headers.authorization).toBe('[REDACTED]');
  });
});
