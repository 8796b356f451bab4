/** The Gantt chart: one row per process, one bar per try, placed on the session's time span. */
import { html } from 'lit-html';
import type { SessionState } from './session-state.js';

export function timeline(state: SessionState, now: number) {
  const start = state.started ?? now;
  const end = Math.max(state.ended ?? now, start + 1);
  const span = end - start;
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`;
  const width = (a: number, b: number) => `${Math.max(((b - a) / span) * 100, 0.3).toFixed(2)}%`;
  return html`<div class="timeline" aria-label="timeline">
    ${[...state.processes.values()].map(
      (p) =>
        html`<div class="lane">
          <span class="lane-name">${p.id}</span>
          <span class="lane-track">
            ${p.tries.map(
              (t) =>
                html`<span
                  class="bar ${t.status ?? 'running'}"
                  style="left:${pct(t.start)};width:${width(t.start, t.end ?? end)}"
                  title="${p.id} try ${t.attempt}: ${t.status ?? 'running'}"
                ></span>`,
            )}
          </span>
        </div>`,
    )}
  </div>`;
}
