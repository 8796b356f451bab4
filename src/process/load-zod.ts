/**
 * zod, loaded on first use. It is 94 modules and about 12 MB of RSS (60 of
 * them locales that every zod entry point loads), so nothing on the import
 * path of the package or the CLI imports it: specs that are plainly valid are
 * checked without it (tasks/plain-task-spec.ts), and zod is loaded only to
 * word a problem or to hand out a schema (docs/benchmarks.md).
 *
 * The validators that need it are synchronous, so it is loaded with
 * `require()` of zod's ES module entry (Node ≥ 20.19): the same module
 * instance an `import 'zod'` gets, not its CommonJS copy.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { z as Zod } from 'zod';

let zod: typeof Zod | undefined;

/** zod's `z`, loaded the first time it is asked for. */
export function loadZod(): typeof Zod {
  if (!zod) {
    const entry = fileURLToPath(import.meta.resolve('zod'));
    zod = (createRequire(import.meta.url)(entry) as { z: typeof Zod }).z;
  }
  return zod;
}
