import { consentOutcomeHandler } from "@/lib/consent/outcome-handler";
import type { Tx } from "@/lib/db";

/** An outbox operation that has just been recorded as confirmed or failed. */
export interface FinishedOp {
  id: string;
  userId: string;
  kind: string;
  refType: string | null;
  refId: string | null;
  status: "CONFIRMED" | "FAILED";
  txHash: string | null;
  /** Why it failed (a decoded revert or a sponsorship refusal). */
  error: string | null;
}

export interface OutcomeHandler {
  /** The op kinds it handles, e.g. ["consent.grant", "consent.revoke"]. */
  kinds: readonly string[];
  /** Runs inside the transaction that records the outcome, so the mirror and the op change together. */
  onFinished(tx: Tx, op: FinishedOp): Promise<void>;
}

/** One line per domain that mirrors an op's outcome into its own rows. */
export const OUTCOME_HANDLERS: OutcomeHandler[] = [consentOutcomeHandler];
