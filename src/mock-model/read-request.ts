/** Reads a model API request: JSON, then the API's schema; answers 400 naming the fields when either fails. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseJson, readBody, sendError } from './http-io.js';
import { issuesText, toFieldIssues } from './issues.js';
import type { MockRequestRecord } from './record.js';

/** Reads a JSON body; answers 400 and returns undefined when it is not valid JSON. */
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

export async function readRequest<T extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  schema: T,
  api: string,
): Promise<{ request: z.infer<T>; text: string } | undefined> {
  const body = await readJsonBody(req, res, record);
  if (!body) return undefined;
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { request: parsed.data, text: body.text };
  record.answer = 'bad_request';
  sendError(
    res,
    400,
    `Invalid ${api} request: ${issuesText(toFieldIssues(parsed.error, body.value))}`,
  );
  return undefined;
}
