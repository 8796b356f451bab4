/** What the mock model remembers of each request it received. */

/** How the request was answered. */
export type MockAnswer =
  | 'text'
  | 'toolUse'
  | 'error'
  /** Refused by the mock account's capacity (429). */
  | 'rate_limited'
  | 'stream_error'
  | 'hang'
  | 'drop'
  | 'structured'
  | 'count_tokens'
  | 'hello'
  | 'models'
  | 'bad_request'
  | 'not_found';

export interface MockRequestRecord {
  /** Order of arrival, from 0, per server instance. */
  index: number;
  method: string;
  /** The path without the query string: `/v1/messages`. */
  path: string;
  /** The model the request named (claude's choice, echoed in the reply). */
  model: string | null;
  /** The user's text of the first user message, system reminders removed. */
  prompt: string | null;
  /** The number of assistant messages already in the conversation. */
  turn: number | null;
  /** The rule that answered: its index in `rules`, `'default'`, or null for other routes. */
  rule: number | 'default' | null;
  ruleName: string | null;
  /** The index of the answering turn in the rule's `turns`. */
  turnIndex: number | null;
  answer: MockAnswer;
  /** The HTTP status sent; null while a reply is delayed or hangs. */
  status: number | null;
  stream: boolean;
  receivedAt: Date;
}
