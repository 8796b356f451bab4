/**
 * POST /v1/messages: validate the request, pick the scripted turn and answer
 * it as a stream, a JSON message, an API error, or never (`hang`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from './api-error.js';
import { parseJson, readBody, sendError, sendJson, wait } from './http-io.js';
import { issuesText, toFieldIssues } from './issues.js';
import type { Resolver } from './match.js';
import type { MockRequestRecord } from './record.js';
import { buildReply, messageJson, mockId, type Reply } from './reply.js';
import {
  estimateTokens,
  messagesRequestSchema,
  outputSchemaOf,
  promptOf,
  turnOf,
} from './request.js';
import { sampleFromSchema } from './schema-sample.js';
import { turnKind } from './script.js';
import { streamReply } from './stream-reply.js';

export interface RouteContext {
  resolve: Resolver;
  /** Aborts when the server closes, ending every pending delay. */
  closing: AbortSignal;
}

/** Reads and validates a JSON body; answers 400 and returns undefined when it is not valid. */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
): Promise<{ value: unknown; text: string } | undefined> {
  const text = await readBody(req);
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value, text };
  record.answer = 'bad_request';
  sendError(res, 400, `Request body is not valid JSON: ${parsed.error}`);
  return undefined;
}

function structuredReply(schema: unknown, model: string, inputTokens: number): Reply {
  const text = JSON.stringify(sampleFromSchema(schema));
  const usage = { input_tokens: inputTokens, output_tokens: estimateTokens(text) };
  return {
    id: mockId('msg'),
    model,
    content: [{ type: 'text', text }],
    stopReason: 'end_turn',
    usage,
  };
}

function untilClosed(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  return AbortSignal.any([closing, gone.signal]);
}

type Timing = { chunkDelayMs?: number; chunkSize?: number };

/** As Server-Sent Events when the request asked for a stream, else as one JSON message. */
async function sendReply(
  res: ServerResponse,
  stream: boolean,
  reply: Reply,
  timing: Timing,
  signal: AbortSignal,
): Promise<void> {
  if (!stream) return sendJson(res, 200, messageJson(reply));
  const { chunkDelayMs = 0, chunkSize } = timing;
  await streamReply(res, reply, { chunkDelayMs, chunkSize }, signal);
}

export async function handleMessages(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const body = await readJsonBody(req, res, record);
  if (!body) return;
  const parsed = messagesRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    record.answer = 'bad_request';
    const issues = issuesText(toFieldIssues(parsed.error, body.value));
    sendError(res, 400, `Invalid Messages API request: ${issues}`);
    return;
  }
  const request = parsed.data;
  const prompt = promptOf(request);
  const turnNumber = turnOf(request);
  const inputTokens = estimateTokens(body.text);
  Object.assign(record, {
    model: request.model,
    prompt,
    turn: turnNumber,
    stream: !!request.stream,
  });
  const signal = untilClosed(res, context.closing);
  const send = (reply: Reply, timing: Timing) =>
    sendReply(res, !!request.stream, reply, timing, signal);

  const schema = outputSchemaOf(request);
  if (schema !== undefined && !request.tools?.length) {
    record.answer = 'structured';
    await send(structuredReply(schema, request.model, inputTokens), {});
    return;
  }
  const { turn, matchedBy, turnIndex } = context.resolve(prompt, turnNumber);
  const kind = turnKind(turn);
  Object.assign(record, {
    rule: matchedBy.rule,
    ruleName: matchedBy.name,
    turnIndex,
    answer: kind,
  });
  if (kind === 'hang') return; // never answered; close() destroys the socket
  if (!(await wait(turn.delayMs ?? 0, signal))) return;
  if (turn.error) {
    const error = apiError(turn.error);
    res.writeHead(error.status, error.headers);
    res.end(error.body);
    return;
  }
  const replyContext = { prompt, turn: turnNumber, model: request.model, inputTokens };
  await send(buildReply(turn, replyContext), turn);
}
