/**
 * One process: its facts from the session's records, the log of one try
 * (the latest by default) growing live, its pattern step, and its artifacts
 * (branch, files changed, patch) when it ran in a worktree of its own.
 */
import { html, render } from 'lit-html';
import { LiveStream, sessionPath } from './api.js';
import { cost } from './cost.js';
import { duration, tokens } from './format.js';
import { artifactsView, patchUrl } from './artifacts-view.js';
import { neverRan, stepText } from './process-state.js';
import type { BaseRecord } from './records.js';
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
  /** The patch, fetched once its artifacts record arrived. */
  let patch: string | null = null;
  let patchAsked = false;
  const draw = () => render(factsView(state, sessionId, processId, patch), facts);
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
      if (p?.artifacts && !patchAsked) {
        patchAsked = true;
        void fetch(patchUrl(sessionId, processId))
          .then((response) => (response.ok ? response.text() : null))
          .then((text) => {
            patch = text;
            draw();
          });
      }
      draw();
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

function factsView(
  state: SessionState,
  sessionId: string,
  processId: string,
  patch: string | null,
) {
  const p = state.processes.get(processId);
  if (!p) return html`<p>Not started yet.</p>`;
  const base = `#/sessions/${encodeURIComponent(sessionId)}/${encodeURIComponent(processId)}`;
  const notRun = neverRan(p, state.ended !== null);
  return html`<p class="facts">
      <span class="status ${notRun ? 'not-run' : (p.status ?? p.phase)}" data-phase=${p.phase}
        >${notRun ? 'not run' : (p.status ?? p.phase)}</span
      >
      ${p.label ? html`<span class="label">${p.label}</span>` : ''}
      ${p.step ? html`<span class="step">${stepText(p.step)}</span>` : ''}
      <span>${p.agent}</span><span>${p.model ?? ''}</span> <span>${tokens(p.tokens)} tokens</span
      ><span class="cost">${cost(p.costUsd, state.simulatedCost)}</span>
      ${p.end ? html`<span>${duration(p.end.durationMs)}</span>` : ''}
    </p>
    ${
      p.tries.length === 0
        ? ''
        : html`<p>
            Tries:
            ${p.tries.map((t) => html`<a href="${base}/${t.attempt}">${t.attempt} (${t.status ?? 'running'})</a> `)}
          </p>`
    }
    ${p.end ? html`<p class="message">${p.end.message}</p>` : ''}
    ${
      state.verdict && state.verdict.chosen === processId
        ? html`<p class="verdict"><strong>Verdict:</strong> ${state.verdict.message}</p>`
        : ''
    }
    ${p.artifacts ? artifactsView(p.artifacts, sessionId, processId, patch) : ''}`;
}
