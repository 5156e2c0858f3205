/**
 * The one way pages talk to the service: JSON over /api/v1 with the bearer token and the
 * interface language (Accept-Language), so errors and reference names come back translated.
 * A failure throws ApiError carrying the server's {statusCode, code, message, details}; forms show
 * it with showError() from ./forms. A 401 ends the session and returns to the sign-in page.
 * download() fetches a file (PDF, CSV, XLSX) with the token and hands it to the browser.
 */
import { language } from './i18n';

const TOKEN_KEY = 'mediation.token';
export const API_BASE = '/api/v1';

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthenticated: () => void = () => undefined;

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value: string | null): void {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': language() };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (response.ok) return response;
  let payload: { code?: string; message?: string; details?: ErrorDetail[] } = {};
  try {
    payload = await response.json();
  } catch {
    // Not our shape (a proxy page): keep the status only.
  }
  if (response.status === 401 && bearer) onUnauthenticated();
  throw new ApiError(
    response.status,
    payload.code ?? `HTTP_${response.status}`,
    payload.message ?? response.statusText,
    Array.isArray(payload.details) ? payload.details : [],
  );
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: Query) => json<T>(await send('GET', path, undefined, query)),
  post: async <T>(path: string, body: unknown = {}) => json<T>(await send('POST', path, body)),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, body)),
  patch: async <T>(path: string, body: unknown) => json<T>(await send('PATCH', path, body)),
  delete: async <T>(path: string) => json<T>(await send('DELETE', path)),
};

/** Fetches a file with the token and saves it under the server's (or the given) file name. */
export async function download(
  path: string,
  query: Query = {},
  fallbackName = 'download',
): Promise<Blob> {
  const response = await send('GET', path, undefined, query);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
