/**
 * The process ids of one session: `process-001`, `process-002`, ... unless
 * the caller names one, and never the same id twice (logs are named after it).
 */
export class ProcessIds {
  private readonly used = new Set<string>();
  /** Ids of an earlier run of a resumed session: never given out, but its tasks may claim them. */
  private readonly earlier = new Set<string>();
  private next = 1;

  constructor(private readonly sessionId: string) {}

  /** The next free automatic id; it is not claimed until `claim()`. */
  nextFree(): string {
    let id: string;
    do id = `process-${String(this.next++).padStart(3, '0')}`;
    while (this.used.has(id) || this.earlier.has(id));
    return id;
  }

  /** Throws when the id is taken. */
  assertFree(processId: string): void {
    if (this.used.has(processId)) {
      throw new Error(
        `Session ${this.sessionId} already has a process "${processId}"; each process needs its own id (its logs are named after it).`,
      );
    }
  }

  /** True for an id claimed in this session (or, resumed, in its earlier runs). */
  has(processId: string): boolean {
    return this.used.has(processId) || this.earlier.has(processId);
  }

  /** An id an earlier run of the session used (resume). */
  reserve(processId: string): void {
    this.earlier.add(processId);
  }

  claim(processId: string): void {
    this.assertFree(processId);
    this.used.add(processId);
  }
}
