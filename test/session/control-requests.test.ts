/**
 * The control folder: another process asks a run to cancel by writing a
 * request file; the run acts on each once, and the folder exists only while
 * the run takes requests.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  requestControl,
  takesControlRequests,
  watchControlRequests,
} from '../../src/session/control-requests.js';
import { tempDir } from '../helpers/fixtures.js';
import { waitFor } from '../cli/helpers/run-cli.js';

const dir = tempDir('orchestrate-control-');
afterAll(() => dir.cleanup());

describe('cancel requests through the control folder', () => {
  it('acts on each request once, removes it, and removes the folder when closed', async () => {
    const session = join(dir.path, 'one');
    mkdirSync(session);
    const seen: string[] = [];
    const watch = watchControlRequests(session, {
      cancelSession: () => seen.push('session'),
      cancelProcess: (id) => (seen.push(id), id === 'process-002'),
    })!;
    expect(takesControlRequests(session)).toBe(true);
    requestControl(session, { kind: 'cancel-process', processId: 'process-002' });
    await waitFor(() => seen.length === 1, 20_000, 'the process request');
    requestControl(session, { kind: 'cancel-session' });
    await waitFor(() => seen.length === 2, 20_000, 'the session request');
    expect(seen).toEqual(['process-002', 'session']);
    expect(readdirSync(join(session, 'control'))).toEqual([]);
    watch.close();
    expect(existsSync(join(session, 'control'))).toBe(false);
    expect(takesControlRequests(session)).toBe(false);
    expect(() => requestControl(session, { kind: 'cancel-session' })).toThrow(/ENOENT/);
  });

  it('takes a request written before the watch began', async () => {
    const session = join(dir.path, 'early');
    mkdirSync(join(session, 'control'), { recursive: true });
    requestControl(session, { kind: 'cancel-session' });
    const seen: string[] = [];
    const watch = watchControlRequests(session, {
      cancelSession: () => seen.push('session'),
      cancelProcess: () => false,
    })!;
    expect(seen).toEqual(['session']);
    watch.close();
  });
});
