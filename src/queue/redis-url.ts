/**
 * The Redis address, checked once: a `redis://` or `rediss://` URL (host,
 * port, optional user, password and database), or ioredis options as an
 * object. Errors name the option, the value and what is accepted.
 */
import { describeValue } from '../process/validate.js';

/** ioredis options (host, port, password, db, tls, ...), passed through. */
export type RedisConnectionOptions = Record<string, unknown>;
/** A URL such as `redis://127.0.0.1:6379/0`, or ioredis options. */
export type RedisConnection = string | RedisConnectionOptions;

export const REDIS_URL_ACCEPTED =
  'a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS; redis://:password@host:port/db)';

/** The checked connection; throws a TypeError naming `name` for anything else. */
export function normalizeConnection(name: string, value: unknown): RedisConnection {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { ...(value as RedisConnectionOptions) };
  }
  if (typeof value !== 'string') {
    throw new TypeError(
      `Expected \`${name}\` to be ${REDIS_URL_ACCEPTED}, or ioredis options, got ${describeValue(value)}`,
    );
  }
  const problem = urlProblem(value);
  if (problem) {
    throw new TypeError(
      `\`${name}\` ${problem}: expected ${REDIS_URL_ACCEPTED}, got ${describeValue(value)}`,
    );
  }
  return value;
}

function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return `has the scheme "${url.protocol.replace(/:$/, '')}"`;
  }
  if (url.hostname === '') return 'names no host';
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) return `has the database "${db}", not a number`;
  return null;
}

/** Where it points, for messages: the URL without its password, or host:port. */
export function describeConnection(connection: RedisConnection): string {
  if (typeof connection === 'string') {
    const url = new URL(connection);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  }
  const host = typeof connection.host === 'string' ? connection.host : '127.0.0.1';
  const port = typeof connection.port === 'number' ? connection.port : 6379;
  return `redis://${host}:${port}`;
}

/** BullMQ's connection option: a URL becomes `{ url }`; workers need no retry limit per request. */
export function bullConnection(connection: RedisConnection): RedisConnectionOptions {
  const base = typeof connection === 'string' ? { url: connection } : connection;
  return { ...base, maxRetriesPerRequest: null };
}
