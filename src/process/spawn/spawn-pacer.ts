/**
 * Paces spawns so the event loop keeps turning. A spawn is synchronous (fork
 * and exec of this process: 2–15 ms each on a busy machine), so 128 agents
 * started at once blocked the loop for 1.5 s: no output read, no Ctrl-C
 * handled. Each turn of the loop now spawns while its spawns have taken less
 * than SPAWN_BUDGET_MS, and the rest wait for the next turn, in order.
 */

/** Spawning time allowed in one turn of the event loop. */
export const SPAWN_BUDGET_MS = 40;

const queue: Array<() => void> = [];
let spentThisTurn = 0;
let nextTurn = false;

/** Runs `spawn` in a turn with budget left (at once when there is some), in call order. */
export function paced<T>(spawn: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      const started = performance.now();
      try {
        resolve(spawn());
      } catch (error) {
        reject(error as Error);
      } finally {
        charge(performance.now() - started);
      }
    });
    drain();
  });
}

function drain(): void {
  while (queue.length > 0 && spentThisTurn < SPAWN_BUDGET_MS) queue.shift()!();
}

function charge(ms: number): void {
  spentThisTurn += ms;
  if (nextTurn) return;
  nextTurn = true;
  // The budget is per turn: refilled once the loop has gone round (I/O, timers, signals).
  setImmediate(() => {
    nextTurn = false;
    spentThisTurn = 0;
    drain();
  });
}
