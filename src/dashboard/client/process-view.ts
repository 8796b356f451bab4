/**
 * One process: its facts from the session's records, the log of one try
 * (the latest by default) growing live, and its artifacts (the fields of its
 * process-end record beyond the common ones, such as a worktree's branch and
 * diff) when it has them.
 */
import { html, render } from 'lit-html';
import { LiveStream, sessionPath } from './api.js';
import { duration, money, tokens } from './format.js';
import { END_FIELDS, type BaseRecord } from './records.js';
import { SessionState } from './session-state.js';

/** Lines kept on the page; older ones drop off the top. */
const MAX_LINES = 5000;

export function showProcess(
  root: HTMLElement,
  sessionId: string,
  processId: string,
  chosenAttempt: number | null,
): () => void {
  const state = new SessionState();
  render(
    html`<p><a href="#/sessions/${encodeURIComponent(sessionId)}">← ${sessionId}</a></p>
      <h1>${processId}</h1>
      <div id="facts"></div>
      <h2>Log</h2>
      <pre id="log" class="log"></pre>`,
    root,
  );
  const facts = root.querySelector<HTMLElement>('#facts')!;
  const log = root.querySelector<HTMLElement>('#log')!;
  let logStream: LiveStream | null = null;
  let attempt = chosenAttempt;
  const openLog = (n: number) => {
    logStream?.close();
    log.replaceChildren();
    const url = `${sessionPath(sessionId)}/processes/${encodeURIComponent(processId)}/log?attempt=${n}`;
    logStream = new LiveStream(
      url,
      'log',
      (data) => append(log, JSON.parse(data) as string[]),
      () => undefined,
    );
  };
  if (attempt !== null) openLog(attempt);
  const events = new LiveStream(
    `${sessionPath(sessionId)}/events`,
    'records',
    (data) => {
      for (const record of JSON.parse(data) as (BaseRecord | null)[]) state.apply(record);
      const p = state.processes.get(processId);
      const latest = p?.tries[p.tries.length - 1]?.attempt ?? null;
      if (chosenAttempt === null && latest !== null && latest !== attempt)
        openLog((attempt = latest));
      render(factsView(state, sessionId, processId), facts);
    },
    () => undefined,
  );
  return () => {
    events.close();
    logStream?.close();
  };
}

function append(log: HTMLElement, lines: string[]): void {
  const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.append(document.createTextNode(`${lines.join('\n')}\n`));
  while (log.childNodes.length > MAX_LINES) log.firstChild?.remove();
  if (atBottom) log.scrollTop = log.scrollHeight;
}

function factsView(state: SessionState, sessionId: string, processId: string) {
  const p = state.processes.get(processId);
  if (!p) return html`<p>Not started yet.</p>`;
  const artifacts = p.end ? Object.entries(p.end).filter(([key]) => !END_FIELDS.has(key)) : [];
  const base = `#/sessions/${encodeURIComponent(sessionId)}/${encodeURIComponent(processId)}`;
  return html`<p class="facts">
      <span class="status ${p.status ?? p.phase}">${p.status ?? p.phase}</span>
      <span>${p.agent}</span><span>${p.model ?? ''}</span> <span>${tokens(p.tokens)} tokens</span
      ><span>${money(p.costUsd)}</span>
      ${p.end ? html`<span>${duration(p.end.durationMs)}</span>` : ''}
    </p>
    <p>
      Tries:
      ${p.tries.map((t) => html`<a href="${base}/${t.attempt}">${t.attempt} (${t.status ?? 'running'})</a> `)}
    </p>
    ${p.end ? html`<p class="message">${p.end.message}</p>` : ''}
    ${
      artifacts.length > 0
        ? html`<h2>Artifacts</h2>
            <dl class="artifacts">
              ${artifacts.map(
                ([key, value]) =>
                  html`<dt>${key}</dt>
                    <dd>
                      <pre>
${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
                    </dd>`,
              )}
            </dl>`
        : ''
    }`;
}
