/**
 * Delay before the next attempt of an operation that could not be sent (bundler or chain unreachable, a transient
 * rejection): exponential in the attempt number, capped, with "equal jitter" (half fixed, half random) so workers
 * that failed together do not all retry together.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

export function backoffMs(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
