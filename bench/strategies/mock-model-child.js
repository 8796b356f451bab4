// The mock model in its own process, so its CPU time is not counted as the
// orchestrator's. Prints its URL on the first line; exits when stdin closes.
import { startMockModel } from '../../dist/mock-model/index.js';

const mock = await startMockModel();
process.stdout.write(`${mock.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void mock.close().then(() => process.exit(0)));
