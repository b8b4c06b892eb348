import type { SoapNotes, Vitals } from "@/lib/visits/schemas";

const SOAP_LABELS: [keyof SoapNotes, string][] = [
  ["subjective", "Subjective"],
  ["objective", "Objective"],
  ["assessment", "Assessment"],
  ["plan", "Plan"],
];

/** The four notes of a visit, read-only. */
export function SoapView({ notes }: { notes: SoapNotes }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
      {SOAP_LABELS.map(([key, label]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd className="whitespace-pre-wrap">{notes[key] || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The vitals taken, in one line each. */
export function VitalsView({ vitals }: { vitals: Vitals }) {
  const rows: [string, string | null][] = [
    ["Blood pressure", vitals.systolicMmHg && vitals.diastolicMmHg ? `${vitals.systolicMmHg}/${vitals.diastolicMmHg} mmHg` : null],
    ["Heart rate", vitals.heartRateBpm ? `${vitals.heartRateBpm} /min` : null],
    ["Respiratory rate", vitals.respiratoryRate ? `${vitals.respiratoryRate} /min` : null],
    ["Temperature", vitals.temperatureC ? `${vitals.temperatureC} °C` : null],
    ["SpO₂", vitals.spo2Percent ? `${vitals.spo2Percent} %` : null],
    ["Weight", vitals.weightKg ? `${vitals.weightKg} kg` : null],
    ["Height", vitals.heightCm ? `${vitals.heightCm} cm` : null],
  ];
  const taken = rows.filter((r): r is [string, string] => r[1] !== null);
  if (taken.length === 0) return <p className="text-sm text-muted">No vitals recorded.</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
      {taken.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
