import { HistorySections } from "@/components/records/history-sections";
import type { CurrentUser } from "@/lib/auth/session";
import { getMedicalHistory } from "@/lib/records/get-medical-history";

/** The chart's medical history: the parts the doctor's consent covers. */
export async function HistorySection({ user, patientId }: { user: CurrentUser; patientId: string }) {
  const sections = await getMedicalHistory(user, patientId);
  return (
    <section aria-labelledby="chart-history" className="space-y-4">
      <h2 id="chart-history" className="text-xl font-semibold">
        Medical history
      </h2>
      <HistorySections sections={sections} entryHref={(id) => `/doctor/patients/${patientId}/entries/${id}`} />
    </section>
  );
}
