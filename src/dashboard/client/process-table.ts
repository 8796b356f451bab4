/**
 * The session's processes as a table: step (for patterns), agent, model,
 * state (queued, running, silent for N s, paused for rate limit, waiting to
 * retry, then its status, or not run), elapsed, tokens, cost, last line, and a Cancel
 * button for one not ended (running, queued or waiting to retry) while the
 * run lasts, when the dashboard may cancel.
 */
import { html } from 'lit-html';
import { sessionPath } from './api.js';
import { simulatedMark } from './cost.js';
import { duration, money, tokens } from './format.js';
import { neverRan, stepText, type ProcessView } from './process-state.js';
import type { SessionState } from './session-state.js';

/** A running process that said nothing for this long shows as silent. */
const SILENT_MS = 30_000;

function stateText(p: ProcessView, now: number, over: boolean): string {
  if (neverRan(p, over)) return 'not run';
  if (p.phase === 'queued') return 'queued';
  if (p.phase === 'ended') return p.status ?? 'done';
  if (p.phase === 'retrying') return p.rateLimited ? 'paused for rate limit' : 'waiting to retry';
  const quiet = now - p.lastHeard;
  return quiet >= SILENT_MS ? `silent for ${Math.floor(quiet / 1000)} s` : 'running';
}

function elapsed(p: ProcessView, now: number): number {
  const first = p.tries[0];
  if (!first) return 0;
  const last = p.tries[p.tries.length - 1]!;
  return (p.phase === 'ended' ? (last.end ?? now) : now) - first.start;
}

/** `cancel` is given the path to POST to; null: no Cancel buttons. */
export function processTable(
  state: SessionState,
  id: string,
  cancel: ((path: string) => void) | null,
  now: number,
) {
  const canCancel = cancel !== null;
  const processes = [...state.processes.values()];
  const steps = processes.some((p) => p.step !== null);
  const over = state.ended !== null;
  const chosen = state.verdict?.chosen ?? null;
  const cancelOne = (p: ProcessView) =>
    cancel?.(`${sessionPath(id)}/processes/${encodeURIComponent(p.id)}/cancel`);
  return html`<table class="processes">
    <thead>
      <tr>
        <th>process</th>
        ${steps ? html`<th>step</th>` : ''}
        <th>agent</th>
        <th>model</th>
        <th>state</th>
        <th>elapsed</th>
        <th>tokens</th>
        <th>cost${simulatedMark(state.simulatedCost)}</th>
        <th>last output</th>
        ${canCancel ? html`<th></th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${processes.map(
        (p) =>
          html`<tr
            data-process=${p.id}
            data-phase=${p.phase}
            class=${p.id === chosen ? 'chosen' : ''}
          >
            <td>
              <a href="#/sessions/${encodeURIComponent(id)}/${encodeURIComponent(p.id)}">${p.id}</a>
              ${p.label ? html`<span class="label">${p.label}</span>` : ''}
              ${p.id === chosen ? html`<span class="chosen-mark" title="the verdict's choice">★</span>` : ''}
            </td>
            ${steps ? html`<td class="step">${p.step ? stepText(p.step) : ''}</td>` : ''}
            <td>${p.agent}</td>
            <td>${p.model ?? ''}</td>
            <td class="state ${neverRan(p, over) ? 'not-run' : (p.status ?? p.phase)}">
              ${stateText(p, now, over)}${p.tries.length > 1 ? ` (try ${p.tries.length})` : ''}
            </td>
            <td>${p.phase === 'queued' ? '' : duration(elapsed(p, now))}</td>
            <td>${tokens(p.tokens)}</td>
            <td>${money(p.costUsd)}</td>
            <td class="last-line">${p.lastLine}</td>
            ${
              canCancel
                ? html`<td>
                    ${
                      p.phase !== 'ended' && !over
                        ? html`<button class="cancel" @click=${() => cancelOne(p)}>Cancel</button>`
                        : ''
                    }
                  </td>`
                : ''
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}
