/**
 * Additive increase, multiplicative decrease: how many tries may run at once.
 * A sign of pressure (the API refused or warned) cuts the window; each run of
 * `window` successes in a row grows it by one, up to the ceiling. Cuts closer
 * together than `cooldownMs` count once, so one burst of 429s is one cut.
 */
export interface AimdSettings {
  /** The ceiling: `-j`. */
  max: number;
  /** The floor (default 1). */
  min: number;
  /** How long after a cut further cuts are ignored (milliseconds). */
  cooldownMs: number;
}

export class AimdWindow {
  private value: number;
  private successes = 0;
  private lastCut = -Infinity;

  constructor(private readonly settings: AimdSettings) {
    this.value = settings.max;
  }

  get size(): number {
    return this.value;
  }

  /**
   * Multiplies the window by `factor` (0.5 on a refusal, gentler on a
   * warning), from `inFlight` when fewer than the window are running (an
   * unbounded window shrinks from what ran); true if it shrank.
   */
  cut(factor: number, now: number, inFlight = this.value): boolean {
    if (now - this.lastCut < this.settings.cooldownMs) return false;
    const from = Math.max(1, Math.min(this.value, inFlight));
    const next = Math.max(this.settings.min, Math.floor(from * factor));
    this.successes = 0;
    if (next >= this.value) return false;
    this.lastCut = now;
    this.value = next;
    return true;
  }

  /** One success; true if the window grew. */
  succeed(): boolean {
    if (this.value >= this.settings.max) return false;
    if (++this.successes < this.value) return false;
    this.successes = 0;
    this.value++;
    return true;
  }
}
