import { hash, verify } from '@node-rs/argon2';

/** argon2id, 19 MiB, t=2, p=1 (OWASP's minimum recommendation). `2` is Algorithm.Argon2id (a const enum). */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS as never);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a throwaway password, verified when the user does not exist, so timing does not reveal accounts. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('decoy-password-for-timing'));

/** Minimum password rules: 10+ characters, not all one kind. */
export function passwordProblem(p: string): string | null {
  if (p.length < 10) return '密码至少 10 个字符';
  if (p.length > 200) return '密码不能超过 200 个字符';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  if (kinds < 2) return '密码需包含字母、数字、符号中的至少两类';
  return null;
}
