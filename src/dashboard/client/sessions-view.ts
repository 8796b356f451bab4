/** The sessions list: every run under the folder, newest first, refreshed every few seconds. */
import { html, render } from 'lit-html';
import { getJson, type SessionSummaryJson } from './api.js';
import { cost } from './cost.js';
import { clock, duration } from './format.js';

const REFRESH_MS = 3000;

export function showSessions(root: HTMLElement): () => void {
  let timer = 0;
  let stopped = false;
  const load = async () => {
    try {
      const sessions = await getJson<SessionSummaryJson[]>('/api/sessions');
      if (!stopped) render(table(sessions), root);
    } catch (error) {
      if (!stopped) render(html`<p class="error">${(error as Error).message}</p>`, root);
    }
    if (!stopped) timer = window.setTimeout(load, REFRESH_MS);
  };
  void load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function table(sessions: SessionSummaryJson[]) {
  if (sessions.length === 0) return html`<p>No sessions yet in this folder.</p>`;
  return html`<h1>Sessions</h1>
    <table class="sessions">
      <thead>
        <tr>
          <th>session</th>
          <th>status</th>
          <th>started</th>
          <th>duration</th>
          <th>processes</th>
          <th>cost</th>
        </tr>
      </thead>
      <tbody>
        ${sessions.map(
          (s) =>
            html`<tr data-session=${s.sessionId}>
              <td><a href="#/sessions/${encodeURIComponent(s.sessionId)}">${s.sessionId}</a></td>
              <td>
                <span class="status ${s.status}"
                  >${s.status === 'incomplete' ? 'running' : s.status}</span
                >
              </td>
              <td>${clock(Date.parse(s.startedAt))}</td>
              <td>${duration(s.durationMs)}</td>
              <td>${s.totals.succeeded}/${s.totals.processes}</td>
              <td class="cost">${cost(s.totals.costUsd, s.simulatedCost === true)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
