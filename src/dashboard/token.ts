/**
 * The dashboard's one secret: a random token in the printed URL. The first
 * page load with `?token=` sets it as a cookie (HttpOnly, SameSite=Strict,
 * named for the port), so the page's own requests carry it; a request with
 * neither gets 401.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function cookieName(port: number): string {
  return `orchestrate-dashboard-${port}`;
}

function same(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** How the request proved it knows the token: 'query', 'cookie', or null when it did not. */
export function tokenProof(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): 'query' | 'cookie' | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && same(fromQuery, token)) return 'query';
  const fromCookie = cookie(request, cookieName(port));
  if (fromCookie !== null && same(fromCookie, token)) return 'cookie';
  return null;
}
