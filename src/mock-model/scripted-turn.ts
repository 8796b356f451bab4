/**
 * The part every model route shares once it knows the prompt and the turn:
 * pick the scripted turn, note it in the request's record, wait its delay, and
 * say what to send (an error, a reply, or nothing for `hang`).
 */
import { wait } from './http-io.js';
import type { Resolver } from './match.js';
import type { MockRequestRecord } from './record.js';
import { buildReply, type Reply } from './reply.js';
import { turnKind, type MockErrorSpec, type MockTurn } from './script.js';

export type TurnAnswer =
  | { kind: 'error'; error: MockErrorSpec; turn: MockTurn }
  | { kind: 'reply'; reply: Reply; turn: MockTurn }
  | { kind: 'none' };

export interface TurnRequest {
  model: string;
  prompt: string;
  turn: number;
  stream: boolean;
  /** The estimated size of the request in tokens. */
  inputTokens: number;
}

export async function answerTurn(
  resolve: Resolver,
  record: MockRequestRecord,
  request: TurnRequest,
  signal: AbortSignal,
): Promise<TurnAnswer> {
  Object.assign(record, {
    model: request.model,
    prompt: request.prompt,
    turn: request.turn,
    stream: request.stream,
  });
  const { turn, matchedBy, turnIndex } = resolve(request.prompt, request.turn);
  const kind = turnKind(turn);
  Object.assign(record, {
    rule: matchedBy.rule,
    ruleName: matchedBy.name,
    turnIndex,
    answer: kind,
  });
  if (kind === 'hang') return { kind: 'none' }; // never answered; close() destroys the socket
  if (!(await wait(turn.delayMs ?? 0, signal))) return { kind: 'none' };
  if (turn.error) return { kind: 'error', error: turn.error, turn };
  return { kind: 'reply', reply: buildReply(turn, request), turn };
}
