import type { Request, Response } from 'express';
import type { AppConfig } from '../platform/config/config.js';
import { SESSION_COOKIE } from './auth.guard.js';

export const clientMeta = (req: Request) => ({ ip: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '') });

/** Sets the browser session cookie (httpOnly; Secure when served over HTTPS). */
export function setSessionCookie(res: Response, config: AppConfig, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.PUBLIC_BASE_URL.startsWith('https:'),
    path: '/',
    expires,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
