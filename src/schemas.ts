// The zod schemas of the public data, as `orchestrate-agents/schemas`. They are
// not in the index: importing this loads zod (about 12 MB), which a program
// that only runs agents never needs (docs/tasks.md).
import { priceTableSchema as priceTable } from './process/price-table.js';
import { taskSpecSchemas } from './tasks/task-spec-schema.js';

export const { taskSpecSchema, retrySpecSchema, worktreeSpecSchema } = taskSpecSchemas();
export const priceTableSchema = priceTable();
