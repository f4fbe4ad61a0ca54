// When the watcher may send its next request: a minimum gap between requests to one host
// (politeness), and growing waits after failures (backoff). Time comes from a Clock so that
// tests run on a fake one.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Hands out request times per host, at least `gapMs` apart. A caller's slot is reserved before
 * it waits, so concurrent callers for one host queue instead of all going at once.
 */
export class HostGate {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly gapMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when a request to `url`'s host may go. */
  async wait(url: string): Promise<void> {
    const host = new URL(url).host.toLowerCase();
    const now = this.clock.now();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + this.gapMs);
    if (at <= now) return;
    await this.clock.sleep(at - now);
    // A timer fires late on a busy machine; the gap runs from when the request really goes,
    // so a late request does not shorten the wait of the one after it.
    const sentAt = this.clock.now();
    this.nextFree.set(host, Math.max(this.nextFree.get(host) ?? 0, sentAt + this.gapMs));
  }
}

export interface Backoff {
  /** The wait after the first failure. */
  baseMs: number;
  /** No wait is longer. */
  maxMs: number;
}

/** The wait after `failures` failures in a row: base, 2 × base, 4 × base … capped at max; 0 after none. */
export function backoffMs(failures: number, backoff: Backoff): number {
  if (failures <= 0) return 0;
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(failures - 1, 30));
}

/**
 * Runs `attempt` up to `attempts` times while it throws an error `retryable` accepts, waiting
 * backoffMs(n) after the n-th failure; the last error is thrown.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  options: { attempts: number; backoff: Backoff; retryable: (error: unknown) => boolean; clock?: Clock },
): Promise<T> {
  const clock = options.clock ?? systemClock;
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (failures >= options.attempts || !options.retryable(error)) throw error;
      await clock.sleep(backoffMs(failures, options.backoff));
    }
  }
}
