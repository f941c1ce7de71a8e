import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/access/actor.js';
import { SessionsService } from '../../src/access/sessions.service.js';
import { UsersService } from '../../src/accounts/users.service.js';
import { apiClient, type ApiClient } from './api-client.js';
import { http, type TestApp } from './app.js';

export const TEST_PASSWORD = 'Correct-Horse-9';

export interface TestActor {
  userId: number;
  email: string;
  token: string;
  bureauId: number | null;
  /** The generated API client as this actor (bearer token): what tests of JSON routes use. */
  api: ApiClient;
  /** JSON over HTTP as this actor (bearer token), for requests the document does not allow (bad input). */
  call: <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T; headers: Headers }>;
}

/**
 * A user of the given role with an API session. Staff get a bureau for `region` (default 开封市);
 * enterprise users need `enterpriseId`. Goes through the real services (argon2id, sessions).
 */
export async function actor(
  t: TestApp,
  role: Role,
  opts: { region?: string; bureauId?: number; enterpriseId?: number; email?: string } = {},
): Promise<TestActor> {
  const users = t.get(UsersService);
  let bureauId: number | null = null;
  if (role === 'officer' || role === 'bureau_lead') {
    bureauId =
      opts.bureauId ??
      (await users.createBureau({ name: `测试招商局 ${opts.region ?? '410200'}`, regionCode: opts.region ?? '410200', idleLimitDays: 14 }))
        .id;
  }
  const email = opts.email ?? `${role}-${randomBytes(4).toString('hex')}@example.com`;
  const user = await users.createUser(
    { email, name: `测试${role}`, role, password: TEST_PASSWORD, bureauId, enterpriseId: opts.enterpriseId ?? null },
    undefined,
    { emailVerified: true },
  );
  const { token } = await t.get(SessionsService).create(user.id, 'api');
  return {
    userId: user.id,
    email,
    token,
    bureauId,
    api: apiClient(t.url, token),
    call: (method, path, body) => http(t.url, method, path, body, { authorization: `Bearer ${token}` }),
  };
}
