import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../src/dashboard/server.js';
import { tempDir } from '../helpers/fixtures.js';
import { readSse, ranSession } from './support.js';

let dir: { path: string; cleanup(): void };
let base: string;
let sessionId: string;
let dashboard: Dashboard;
let origin: string;
let auth: Record<string, string>;

beforeAll(async () => {
  dir = tempDir();
  base = join(dir.path, 'sessions');
  sessionId = (await ranSession(dir.path, base, 2)).sessionId;
  dashboard = await startDashboard({ baseLogDir: base });
  origin = new URL(dashboard.url).origin;
  auth = { cookie: `orchestrate-dashboard-${dashboard.port}=${dashboard.token}` };
});
afterAll(async () => {
  await dashboard.close();
  dir.cleanup();
});

const get = (path: string, headers: Record<string, string> = auth) =>
  fetch(`${origin}${path}`, { headers, redirect: 'manual' });

describe('the dashboard over http', () => {
  it('binds to loopback and prints one URL that carries the token', () => {
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers 401 to every request without the token, and to a wrong one', async () => {
    for (const path of ['/', '/assets/style.css', '/api/sessions', `/api/sessions/${sessionId}`])
      expect((await get(path, {})).status, path).toBe(401);
    expect((await get('/?token=not-the-token-at-all', {})).status).toBe(401);
    expect(
      (await get('/', { cookie: `orchestrate-dashboard-${dashboard.port}=nope` })).status,
    ).toBe(401);
  });

  it('serves the page for the token in the URL and sets it as a cookie for the rest', async () => {
    const response = await get(`/?token=${dashboard.token}`, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
    expect(response.headers.get('set-cookie')).toContain(
      `${dashboard.token}; HttpOnly; SameSite=Strict`,
    );
    for (const asset of [
      'client/main.js',
      'vendor/lit-html.js',
      'vendor/uPlot.esm.js',
      'style.css',
    ])
      expect((await get(`/assets/${asset}`)).status, asset).toBe(200);
  });

  it('lists the sessions with status, processes and cost', async () => {
    const list = (await (await get('/api/sessions')).json()) as {
      sessionId: string;
      status: string;
      totals: { processes: number };
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sessionId, status: 'succeeded', totals: { processes: 2 } });
  });

  it('never serves a path outside the sessions folder: traversal gets 404', async () => {
    const attempts = [
      '/api/sessions/..',
      '/api/sessions/%2e%2e',
      '/api/sessions/..%2F..%2Fetc',
      `/api/sessions/..%2F${encodeURIComponent(base.split('/').pop()!)}`,
      '/api/sessions/%2Fetc/events',
      `/api/sessions/${sessionId}/processes/..%2Fevents.jsonl/log`,
      `/api/sessions/${sessionId}/processes/..%2F..%2Fsession/log`,
      `/api/sessions/${sessionId}/processes/process-001/log?attempt=0`,
      `/api/sessions/${sessionId}/processes/..%2F..%2Fsession/patch`,
      `/api/sessions/${sessionId}/processes/..%2Fevents.jsonl%00/patch`,
      `/api/sessions/${sessionId}/processes/process-001/patch`,
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/client/..%2F..%2F..%2Fpackage.json',
      '/etc/passwd',
    ];
    for (const path of attempts) expect((await get(path)).status, path).toBe(404);
  });

  it('streams the records after Last-Event-ID, each once, with the last seq as the id', async () => {
    const lines = readFileSync(join(base, sessionId, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const total = lines.length;
    const messages = await readSse(
      `${origin}/api/sessions/${sessionId}/events`,
      { ...auth, 'last-event-id': '3' },
      (got) => got.length > 0 && got[got.length - 1]!.id === String(total),
    );
    const records = messages.flatMap((m) => JSON.parse(m.data) as { seq: number }[]);
    expect(records.map((r) => r.seq)).toEqual(lines.slice(3).map((_, i) => i + 4));
    expect(messages.every((m) => m.event === 'records')).toBe(true);
  });

  it('streams a process log from its start', async () => {
    const messages = await readSse(
      `${origin}/api/sessions/${sessionId}/processes/process-001/log`,
      auth,
      (got) => got.length > 0,
    );
    const text = (JSON.parse(messages[0]!.data) as string[]).join('\n');
    expect(text).toContain('process-001');
  });

  it('refuses to cancel when it was not started with --allow-cancel beside the run', async () => {
    const response = await fetch(`${origin}/api/sessions/${sessionId}/cancel`, {
      method: 'POST',
      headers: { ...auth, origin },
    });
    expect(response.status).toBe(403);
  });
});

describe('cancelling from the page', () => {
  it('needs --allow-cancel: without it a cancel is refused', async () => {
    const at = origin;
    const response = await fetch(`${at}/api/sessions/${sessionId}/cancel`, {
      method: 'POST',
      headers: { ...auth, origin: at },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('--allow-cancel');
  });

  it('needs the same origin, then hands the cancel to its control', async () => {
    const cancelled: string[] = [];
    const own = await startDashboard({
      baseLogDir: base,
      allowCancel: true,
      control: {
        runSessionId: sessionId,
        cancelSession: async (id) => (cancelled.push(id), { ok: true, message: 'cancelling' }),
        cancelProcess: async (_id, _dir, processId) =>
          processId === 'process-002'
            ? (cancelled.push(processId), { ok: true, message: 'cancelling' })
            : { ok: false, message: 'No such process is running' },
      },
    });
    const at = new URL(own.url).origin;
    const cookie = `orchestrate-dashboard-${own.port}=${own.token}`;
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${at}${path}`, { method: 'POST', headers: { cookie, ...headers } });
    try {
      expect(
        (await post(`/api/sessions/${sessionId}/cancel`, { origin: 'http://evil.example' })).status,
      ).toBe(403);
      expect((await post(`/api/sessions/${sessionId}/cancel`, {})).status).toBe(403);
      expect(
        (
          await post(`/api/sessions/${sessionId}/cancel`, {
            origin: at,
            'sec-fetch-site': 'cross-site',
          })
        ).status,
      ).toBe(403);
      expect(
        (await post(`/api/sessions/other_20250101_000000/cancel`, { origin: at })).status,
      ).toBe(404);
      expect((await post(`/api/sessions/..%2F..%2Fetc/cancel`, { origin: at })).status).toBe(404);
      const none = await post(`/api/sessions/${sessionId}/processes/process-009/cancel`, {
        origin: at,
      });
      expect([none.status, (await none.text()).trim()]).toEqual([
        409,
        'No such process is running',
      ]);
      expect(cancelled).toEqual([]);
      expect(
        (await post(`/api/sessions/${sessionId}/processes/process-002/cancel`, { origin: at }))
          .status,
      ).toBe(200);
      expect((await post(`/api/sessions/${sessionId}/cancel`, { origin: at })).status).toBe(200);
      expect(cancelled).toEqual(['process-002', sessionId]);
    } finally {
      await own.close();
    }
  });

  it('refuses to cancel a run that has ended, by default through its control folder', async () => {
    const own = await startDashboard({ baseLogDir: base, allowCancel: true });
    const at = new URL(own.url).origin;
    try {
      const response = await fetch(`${at}/api/sessions/${sessionId}/cancel`, {
        method: 'POST',
        headers: { cookie: `orchestrate-dashboard-${own.port}=${own.token}`, origin: at },
      });
      expect([response.status, (await response.text()).trim()]).toEqual([409, 'The run has ended']);
    } finally {
      await own.close();
    }
  });
});
