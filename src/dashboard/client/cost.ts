/** A cost as the page shows it: marked "simulated" when the run's model was the mock, which spends nothing. */
import { html } from 'lit-html';
import { money } from './format.js';

const WHY =
  'The run used the mock model (--mock-model), which spends nothing: this cost is simulated.';

export const simulatedMark = (simulated: boolean) =>
  simulated ? html` <span class="simulated" title=${WHY}>simulated</span>` : '';

export const cost = (usd: number, simulated: boolean) =>
  html`${money(usd)}${simulatedMark(simulated)}`;
