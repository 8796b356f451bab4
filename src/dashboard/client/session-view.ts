/**
 * One session, live: its processes (process-table.ts), the pattern's verdict,
 * the Gantt timeline and the cost and tokens plots. Records
 * arrive over SSE at most a few times a second; the page redraws at most
 * every 250 ms, and once a second for the clocks.
 */
import { html, render } from 'lit-html';
import { LiveStream, post, sessionPath, type Config } from './api.js';
import { cost } from './cost.js';
import { duration, tokens } from './format.js';
import { processTable } from './process-table.js';
import { Plot } from './plots.js';
import type { BaseRecord } from './records.js';
import { SessionState } from './session-state.js';
import { timeline } from './timeline.js';

const REDRAW_MS = 250;

export function showSession(root: HTMLElement, id: string, config: Config): () => void {
  const state = new SessionState();
  const costPlot = new Plot('Cost over time', 'USD', '#b35c00');
  const tokenPlot = new Plot('Tokens over time', 'tokens', '#2660a4');
  let live = false;
  let notice = '';
  let pending = 0;
  const cancel = (path: string) => {
    notice = 'Asking…';
    soon();
    void post(path).then((answer) => {
      notice = answer;
      soon();
    });
  };
  const draw = () => {
    pending = 0;
    render(page(state, id, { live, config, notice, cancel }), root);
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

interface PageParts {
  live: boolean;
  config: Config;
  /** The last cancel's answer. */
  notice: string;
  cancel: (path: string) => void;
}

function page(state: SessionState, id: string, { live, config, notice, cancel }: PageParts) {
  const now = Date.now();
  const running = state.ended === null;
  const canCancel = config.allowCancel && running;
  const processes = [...state.processes.values()];
  const sessionTime = state.started === null ? 0 : (state.ended ?? now) - state.started;
  return html`<p><a href="#/">← sessions</a></p>
    <h1>${id}</h1>
    <p class="facts">
      <span class="status ${state.status}" data-status=${state.status}>${state.status}</span>
      ${state.patternName ? html`<span class="pattern">${state.patternName}</span>` : ''}
      <span>${processes.length} processes</span>
      <span>${duration(sessionTime)}</span>
      <span class="cost">cost ${cost(state.totalCost, state.simulatedCost)}</span>
      <span>${tokens(state.totalTokens)} tokens</span>
      <span class="conn ${live ? 'live' : 'down'}"
        >${live ? 'live' : running ? 'reconnecting…' : 'offline'}</span
      >
      <span class="records" data-applied=${state.applied} data-last-seq=${state.lastSeq}
        >${state.applied} records</span
      >
      ${
        canCancel
          ? html`<button class="cancel-run" @click=${() => cancel(`${sessionPath(id)}/cancel`)}>
              Cancel run
            </button>`
          : ''
      }
    </p>
    ${
      state.verdict
        ? html`<p class="verdict"><strong>Verdict:</strong> ${state.verdict.message}</p>`
        : ''
    }
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
    ${processTable(state, id, canCancel ? cancel : null, now)}
    <h2>Timeline</h2>
    ${timeline(state, now)}
    <div class="plots">
      <div id="cost-plot" class="plot"></div>
      <div id="token-plot" class="plot"></div>
    </div>`;
}
