/**
 * The event emitter under AgentProcess, whose listeners cannot hurt the code
 * that emits: every listener is called even when one throws, and a throw never
 * reaches the emitter's caller (the child's output pump, a timer, a strategy).
 * The subclass is told instead, and decides (AgentProcess ends the run).
 */
import { EventEmitter } from 'node:events';
import type { AgentProcessEvents } from './process-events.js';

export abstract class IsolatedEmitter extends EventEmitter<AgentProcessEvents> {
  /** A listener of `event` threw `error`. */
  protected abstract listenerThrew(event: string, error: unknown): void;

  override emit<K>(
    eventName: keyof AgentProcessEvents | K,
    ...args: K extends keyof AgentProcessEvents ? AgentProcessEvents[K] : never
  ): boolean {
    // Most events of a quick run have no listener: no copy of an empty list.
    if (this.listenerCount(eventName as keyof AgentProcessEvents) === 0) return false;
    const listeners = this.rawListeners(eventName as keyof AgentProcessEvents);
    for (const listener of listeners) {
      try {
        (listener as (...a: unknown[]) => void).apply(this, args);
      } catch (error) {
        this.listenerThrew(String(eventName), error);
      }
    }
    return listeners.length > 0;
  }

  /** Adds every listener of this emitter to `copy`; a once() listener stays a once() listener. */
  protected copyListenersOnto(copy: IsolatedEmitter): void {
    for (const name of this.eventNames()) {
      for (const raw of this.rawListeners(name)) {
        // A once() listener comes back wrapped: its original is under `listener`.
        const original = (raw as { listener?: (...args: unknown[]) => void }).listener;
        const event = name as keyof AgentProcessEvents;
        if (original) copy.once(event, original);
        else copy.on(event, raw as (...args: unknown[]) => void);
      }
    }
  }
}

/** "an 'output' listener", "a 'log' listener". */
export function listenerName(event: string): string {
  return `${/^[aeiou]/.test(event) ? 'an' : 'a'} '${event}' listener`;
}

/** "an 'output' listener threw: boom", or "the logger threw: ..." when `event` is null. */
export function listenerFailure(event: string | null, error: unknown): string {
  const who = event === null ? 'the logger' : listenerName(event);
  return `${who} threw: ${error instanceof Error ? error.message : String(error)}`;
}
