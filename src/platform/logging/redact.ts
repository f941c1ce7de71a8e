/**
 * Secrets never reach a log line. E-mailed links carry their credential in the query
 * (`/auth/verify-email?token=…`, reset, unsubscribe, the 90-day settings link), and browsers and
 * API clients send theirs in headers; whoever reads the logs must not be able to use either.
 */
const SECRET_PARAMS = ['token', '_csrf', 'csrf', 'password', 'secret', 'signature', 'sig', 'access_token', 'refresh_token', 'api_key'];
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'proxy-authorization'];
export const REDACTED = '[REDACTED]';

const PARAM = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)[^&#\\s"\\\\]*`, 'gi');
const HEADER = new RegExp(`("(?:${SECRET_HEADERS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const BEARER = /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const SESSION = /(\bim_session=)[^;\s"\\]+/gi;

/** A URL (or path and query) with the values of token-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(PARAM, `$1${REDACTED}`);
}

/**
 * The last step before a line is written (pino's streamWrite hook), whoever logged it and however:
 * request logs, error logs with a URL, a stack trace that quotes a link.
 */
export function redactLogLine(line: string): string {
  return line
    .replace(PARAM, `$1${REDACTED}`)
    .replace(HEADER, `$1"${REDACTED}"`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SESSION, `$1${REDACTED}`);
}
