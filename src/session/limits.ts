/**
 * A session's limits from its options: the admission controller (one per
 * session) and the budget, joined in the gate its strategies are given, plus
 * the record of the budget at the start, so a summary read back knows it.
 */
import type { AdmissionController } from '../admission/controller.js';
import { LocalAdmission } from '../admission/local-admission.js';
import { DEFAULT_MAX_WAIT_MS, type AdmissionOptions } from '../admission/options.js';
import { Budget } from '../budget/budget.js';
import { normalizeBudget, type BudgetOptions } from '../budget/options.js';
import type { EventDraft } from '../events/types.js';
import type { Executor } from '../tasks/executor.js';
import { formatCost } from '../process/format.js';
import { describeValue } from '../process/validate.js';
import { limitRecorder } from './limit-records.js';
import { SessionGate } from './session-gate.js';

export interface SessionLimitOptions {
  /**
   * Rate-limit admission (docs/limits.md): `true` or options for the built-in
   * controller, or your own `AdmissionController` (say, one shared across
   * machines). Default: none.
   */
  admission?: boolean | AdmissionOptions | AdmissionController;
  /** What the session may spend. Default: no limit. */
  budget?: BudgetOptions;
}

function isController(value: unknown): value is AdmissionController {
  return typeof (value as AdmissionController | null)?.admit === 'function';
}

function admissionOf(value: SessionLimitOptions['admission']): {
  controller: AdmissionController | null;
  maxWaitMs: number;
} {
  if (value === undefined || value === false) return { controller: null, maxWaitMs: 0 };
  if (isController(value)) return { controller: value, maxWaitMs: DEFAULT_MAX_WAIT_MS };
  if (value !== true && (value === null || typeof value !== 'object')) {
    throw new TypeError(
      `Expected \`admission\` to be true, admission options or an AdmissionController, got ${describeValue(value)}`,
    );
  }
  const controller = new LocalAdmission(value === true ? {} : value);
  return { controller, maxWaitMs: controller.options.maxWaitMs };
}

/** The gate for a session's strategies, or null when it has neither admission nor a budget. */
export function createSessionGate(
  options: SessionLimitOptions,
  record: (draft: EventDraft) => void,
): { gate: SessionGate | null; budget: Budget | null } {
  const { controller, maxWaitMs } = admissionOf(options.admission);
  const budget = options.budget === undefined ? null : new Budget(normalizeBudget(options.budget));
  if (budget) {
    const { maxCostUsd, maxCostPerProcessUsd } = budget.limits;
    const parts = [
      maxCostUsd === null ? null : `${formatCost(maxCostUsd)} per session`,
      maxCostPerProcessUsd === null ? null : `${formatCost(maxCostPerProcessUsd)} per process`,
    ].filter((part) => part !== null);
    limitRecorder(record)('budget', `budget: ${parts.join(', ') || 'none'}`, {
      maxCostUsd,
      maxCostPerProcessUsd,
    });
  }
  if (!controller && !budget) return { gate: null, budget: null };
  return { gate: new SessionGate({ admission: controller, budget, maxWaitMs, record }), budget };
}

/** When the admission controller pauses, the backend's workers hold their starts too. */
export function holdBackendOnPause(
  gate: SessionGate | null,
  backend: Executor | null,
  record: (draft: EventDraft) => void,
): void {
  if (!gate || !backend?.holdStarts) return;
  const hold = backend.holdStarts.bind(backend);
  gate.onPause((until) =>
    hold(until).catch((error: unknown) =>
      record({
        kind: 'log',
        level: 'WARNING',
        source: 'session',
        message: `Could not pause the backend's queue until ${until.toISOString()}: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ),
  );
}
