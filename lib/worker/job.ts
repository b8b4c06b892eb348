/**
 * A job of the worker process (scripts/worker.ts): `run` is called every `intervalMs` (measured from the end of the
 * previous run) until the worker stops; `signal` aborts when it is asked to stop, so a long run can end early.
 * A run that throws is logged and the job carries on at its next interval.
 */
export interface WorkerJob {
  name: string;
  intervalMs: number;
  run(signal: AbortSignal): Promise<void>;
}
