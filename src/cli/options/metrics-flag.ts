/** `--metrics-port [host:]port`: where Prometheus metrics are served (127.0.0.1 unless a host is given). */
import { badFlag } from '../errors.js';

export function metricsFlag(value: string, command: string): { host: string; port: number } {
  const match = /^(?:(.+):)?(\d+)$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw badFlag(
      '--metrics-port',
      value,
      'a port from 1 to 65535, optionally after a host: 9464 or 0.0.0.0:9464',
      command,
    );
  }
  return { host: match[1] ?? '127.0.0.1', port };
}
