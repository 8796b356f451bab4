/**
 * Ends a run that has gone silent: nothing on stdout or stderr for `idleMs`.
 * Output only moves a timestamp (no timer work per chunk); the one timer wakes
 * when the silence could first reach the bound and re-arms for the rest, so a
 * slow but chatty agent costs one timer per `idleMs` and is never ended.
 */
import { performance } from 'node:perf_hooks';

export class IdleWatchdog {
  private lastOutputAt = performance.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly idleMs: number,
    private readonly onSilent: (idleMs: number) => void,
  ) {
    this.arm(idleMs);
  }

  /** Output arrived: the silence starts over. */
  touch(): void {
    this.lastOutputAt = performance.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.check(), Math.max(1, Math.ceil(ms)));
  }

  private check(): void {
    this.timer = null;
    const silentFor = performance.now() - this.lastOutputAt;
    if (silentFor >= this.idleMs) this.onSilent(this.idleMs);
    else this.arm(this.idleMs - silentFor);
  }
}
