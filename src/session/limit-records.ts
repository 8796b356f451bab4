/** `limit` records: what admission and the budget did, in words and in fields. */
import type { EventDraft } from '../events/types.js';

type LimitDraft = Extract<EventDraft, { kind: 'limit' }>;
export type LimitFields = Omit<LimitDraft, 'kind' | 'action' | 'message'>;

const NONE: LimitFields = {
  until: null,
  limitType: null,
  concurrency: null,
  maxCostUsd: null,
  maxCostPerProcessUsd: null,
  spentUsd: null,
};

/** A function that records one `limit` record, the fields it is not given null. */
export function limitRecorder(record: (draft: EventDraft) => void) {
  return (action: LimitDraft['action'], message: string, fields: Partial<LimitFields>) =>
    record({ kind: 'limit', action, message, ...NONE, ...fields });
}
