/**
 * One session, live: its processes (agent, model, state, elapsed, tokens,
 * cost, last line), the Gantt timeline and the cost and tokens plots. Records
 * arrive over SSE at most a few times a second; the page redraws at most
 * every 250 ms, and once a second for the clocks.
 */
import { html, render } from 'lit-html';
import { LiveStream, post, sessionPath, type Config } from './api.js';
import { duration, money, tokens } from './format.js';
import { Plot } from './plots.js';
import type { BaseRecord } from './records.js';
import { SessionState, type ProcessView } from './session-state.js';
import { timeline } from './timeline.js';

const REDRAW_MS = 250;
/** A running process that said nothing for this long shows as silent. */
const SILENT_MS = 30_000;

export function showSession(root: HTMLElement, id: string, config: Config): () => void {
  const state = new SessionState();
  const costPlot = new Plot('Cost over time', 'USD', '#b35c00');
  const tokenPlot = new Plot('Tokens over time', 'tokens', '#2660a4');
  let live = false;
  let pending = 0;
  const draw = () => {
    pending = 0;
    render(page(state, id, live, config), root);
    costPlot.update(root.querySelector<HTMLElement>('#cost-plot'), state.costSeries);
    tokenPlot.update(root.querySelector<HTMLElement>('#token-plot'), state.tokenSeries);
  };
  const soon = () => {
    pending ||= window.setTimeout(draw, REDRAW_MS);
  };
  const stream = new LiveStream(
    `${sessionPath(id)}/events`,
    'records',
    (data) => {
      for (const record of JSON.parse(data) as (BaseRecord | null)[]) state.apply(record);
      soon();
    },
    (now) => {
      live = now;
      soon();
    },
  );
  const clocks = window.setInterval(() => {
    if (state.ended === null) soon();
  }, 1000);
  draw();
  return () => {
    stream.close();
    clearInterval(clocks);
    clearTimeout(pending);
  };
}

function phase(p: ProcessView, now: number): string {
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

function page(state: SessionState, id: string, live: boolean, config: Config) {
  const now = Date.now();
  const running = state.ended === null;
  const canCancel = config.allowCancel && config.runSessionId === id && running;
  const processes = [...state.processes.values()];
  const sessionTime = state.started === null ? 0 : (state.ended ?? now) - state.started;
  return html`<p><a href="#/">← sessions</a></p>
    <h1>${id}</h1>
    <p class="facts">
      <span class="status ${state.status}" data-status=${state.status}>${state.status}</span>
      <span>${processes.length} processes</span>
      <span>${duration(sessionTime)}</span>
      <span>cost ${money(state.totalCost)}</span>
      <span>${tokens(state.totalTokens)} tokens</span>
      <span class="conn ${live ? 'live' : 'down'}"
        >${live ? 'live' : running ? 'reconnecting…' : 'offline'}</span
      >
      <span class="records" data-applied=${state.applied} data-last-seq=${state.lastSeq}
        >${state.applied} records</span
      >
      ${
        canCancel
          ? html`<button @click=${() => void post(`${sessionPath(id)}/cancel`)}>Cancel run</button>`
          : ''
      }
    </p>
    <table class="processes">
      <thead>
        <tr>
          <th>process</th>
          <th>agent</th>
          <th>model</th>
          <th>state</th>
          <th>elapsed</th>
          <th>tokens</th>
          <th>cost</th>
          <th>last output</th>
          ${canCancel ? html`<th></th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${processes.map(
          (p) =>
            html`<tr data-process=${p.id} data-phase=${p.phase}>
              <td>
                <a href="#/sessions/${encodeURIComponent(id)}/${encodeURIComponent(p.id)}"
                  >${p.id}</a
                >
              </td>
              <td>${p.agent}</td>
              <td>${p.model ?? ''}</td>
              <td class="state ${p.status ?? p.phase}">
                ${phase(p, now)}${p.tries.length > 1 ? ` (try ${p.tries.length})` : ''}
              </td>
              <td>${duration(elapsed(p, now))}</td>
              <td>${tokens(p.tokens)}</td>
              <td>${money(p.costUsd)}</td>
              <td class="last-line">${p.lastLine}</td>
              ${
                canCancel
                  ? html`<td>
                      ${
                        p.phase === 'running'
                          ? html`<button
                              @click=${() =>
                                void post(
                                  `${sessionPath(id)}/processes/${encodeURIComponent(p.id)}/cancel`,
                                )}
                            >
                              Cancel
                            </button>`
                          : ''
                      }
                    </td>`
                  : ''
              }
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>Timeline</h2>
    ${timeline(state, now)}
    <div class="plots">
      <div id="cost-plot" class="plot"></div>
      <div id="token-plot" class="plot"></div>
    </div>`;
}
