import { Badge } from "@/components/ui";
import type { AccessLogEntry } from "@/lib/audit/access-log";

const MARKS = {
  verified: { tone: "success", label: "Verified on chain" },
  mismatch: { tone: "danger", label: "Does not match the chain" },
  "not-anchored": { tone: "pending", label: "Not anchored yet" },
  unavailable: { tone: "neutral", label: "Chain unavailable" },
} as const;

/** Whether an audit event is proven by a root anchored on chain; links to the proof itself. */
export function ChainMark({ entry }: { entry: Pick<AccessLogEntry, "id" | "chain"> }) {
  const mark = MARKS[entry.chain];
  const badge = <Badge tone={mark.tone}>{mark.label}</Badge>;
  if (entry.chain === "not-anchored" || entry.chain === "unavailable") return badge;
  return (
    <a href={`/api/audit/proof/${entry.id}`} className="inline-block rounded-full" aria-label={`${mark.label}: view the proof`}>
      {badge}
    </a>
  );
}

export const formatWhen = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
