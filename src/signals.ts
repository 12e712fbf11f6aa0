// Ctrl-C, SIGTERM and a closed terminal must end the process at once, in every phase, and leave no
// temporary file. A JavaScript signal handler only runs when the event loop turns, so while one is
// installed a signal waits for the synchronous work in progress (validating, building, packing) to end.
// Hence no handler is installed for most of a run: the default action ends the process at once. Only
// while a temporary path exists (a write's few milliseconds between creating the temporary file and
// renaming it) does a handler stand by; it removes the paths held and ends the process by the same
// signal, as the default action would have.
import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const held = new Set<string>();
let holders = 0;

function onSignal(signal: NodeJS.Signals): void {
  for (const p of held) removeQuietly(p);
  held.clear();
  detach();
  process.kill(process.pid, signal); // the default action now: the parent sees death by this signal
  process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]); // in case the kill is not delivered at once
}

function attach(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function detach(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function removeQuietly(p: string): void {
  try {
    rmSync(p, { recursive: true, force: true });
  } catch {
    // already gone, or never created: nothing of ours is left there
  }
}

/** A temporary path held: `release` when it has been renamed into place or removed. */
export interface Held {
  release(): void;
}

/**
 * Hold a temporary path (before creating it): until it is released, a signal removes it and ends the
 * process. The handler stays until two more turns of the event loop after the last release, so that a
 * signal that came during the synchronous write is delivered to it rather than lost (removing the last
 * handler drops a signal caught but not yet dispatched); a loop that writes many files yields to the
 * event loop between files anyway.
 */
export function holdTemporary(path: string): Held {
  if (holders++ === 0) attach();
  held.add(path);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.delete(path);
      // first turn: this one's check phase; the second runs after a poll phase that follows the release
      setImmediate(() =>
        setImmediate(() => {
          if (--holders === 0) detach();
        }),
      );
    },
  };
}

