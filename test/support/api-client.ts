import createClient from 'openapi-fetch';
import type { paths } from './api-schema.js';

/**
 * A typed client of the API, generated from /docs/openapi.json (openapi-typescript → api-schema.d.ts,
 * openapi-fetch): paths, parameters, bodies and answers are checked by the compiler, so a test that
 * calls the API through it breaks when the document and the code part ways.
 */
export function apiClient(baseUrl: string, token?: string) {
  return createClient<paths>({ baseUrl, headers: token ? { authorization: `Bearer ${token}` } : {} });
}
export type ApiClient = ReturnType<typeof apiClient>;

/** A client call's outcome as the tests assert on it: the status, the body (the answer, or the problem), the headers. */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}
export async function answer(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Answer> {
  const { data, error, response } = await call;
  return { status: response.status, body: data ?? error ?? null, headers: response.headers };
}
