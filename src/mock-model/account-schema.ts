/**
 * The mock account: how much the fake API lets through before it answers 429,
 * as the script's top-level `account`. Described in docs/mock-model.md.
 */
import { z } from 'zod';

const positiveInt = z.number().int().positive();

export const accountSchema = z.strictObject({
  /** Messages calls admitted per window; the next one is refused until the window resets. */
  requests: positiveInt,
  /** The window's length in milliseconds; windows follow each other from the first call. */
  windowMs: positiveInt.default(60_000),
  /** Estimated input tokens admitted per minute (request bytes / 4); omitted: no token limit. */
  tokensPerMinute: positiveInt.optional(),
  /** From this share of the window used, the headers say `allowed_warning` (default 0.8). */
  warnAt: z.number().min(0).max(1).default(0.8),
  /** Which limit the headers name (claude says "5-hour limit" or "weekly limit"). */
  limit: z.enum(['five_hour', 'seven_day']).default('five_hour'),
  /**
   * How claude signs in when orchestrate starts the mock (`--mock-script`): an
   * `api-key` sees plain 429s; a `subscription` also reads the unified headers
   * and prints `rate_limit_event`s. (`mockModelEnv`'s `auth` says it in code.)
   */
  login: z.enum(['api-key', 'subscription']).default('api-key'),
});

export type MockAccountInput = z.input<typeof accountSchema>;
export type MockAccountSpec = z.output<typeof accountSchema>;
