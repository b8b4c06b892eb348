import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Badge, ButtonLink, StatusBadge } from "@/components/ui";
import { currentUser } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/authz/policy";
import { isAppError } from "@/lib/errors";
import { getPrescriptionByCode } from "@/lib/prescriptions/get-prescription";
import { prescriptionQrSvg } from "@/lib/prescriptions/qr";
import { clinicTimeZone } from "@/lib/scheduling/availability";
import { formatInZone } from "@/lib/scheduling/time-zone";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Prescription" };

/**
 * The printable prescription: for its patient, its doctor and pharmacy staff. The QR code carries only the public
 * code; the pharmacy looks the prescription up with it and checks its hash on chain.
 */
export default async function PrintablePrescription({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/rx/${code}`)}`);
  const rx = await getPrescriptionByCode(user, { code }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  });
  const qr = await prescriptionQrSvg(rx.code);
  const tz = clinicTimeZone();
  const day = (d: Date) => formatInZone(d, tz, { dateStyle: "long" });
  return (
    <div className="min-h-screen bg-canvas px-4 py-8 print:bg-white print:p-0">
      <main id="main-content" className="mx-auto max-w-2xl space-y-6 rounded-2xl border border-line bg-surface p-8 shadow-sm print:border-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-line pb-4">
          <div>
            <p className="font-semibold text-brand-700">CareChain Health</p>
            <h1 className="text-2xl font-semibold text-ink">Prescription</h1>
            <p className="font-mono text-lg tracking-wide">{rx.code}</p>
          </div>
          <figure className="text-center">
            <div className="size-40" role="img" aria-label={`QR code of prescription ${rx.code}`} dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption className="text-xs text-muted">Scan at the pharmacy</figcaption>
          </figure>
        </header>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-muted">Patient</dt>
          <dd>
            {rx.patientName}
            {rx.patientDateOfBirth && `, born ${rx.patientDateOfBirth.toISOString().slice(0, 10)}`}
          </dd>
          <dt className="font-medium text-muted">Prescriber</dt>
          <dd>
            {rx.doctorName}
            {rx.doctorSpecialty && `, ${rx.doctorSpecialty}`}
            {rx.doctorQualifications && <span className="block text-sm text-muted">{rx.doctorQualifications}</span>}
          </dd>
          <dt className="font-medium text-muted">Signed</dt>
          <dd>{day(rx.signedAt)}</dd>
          <dt className="font-medium text-muted">Valid until</dt>
          <dd>{day(rx.expiresAt)}</dd>
        </dl>
        <section aria-labelledby="rx-drug" className="rounded-xl border border-line p-4">
          <h2 id="rx-drug" className="text-lg font-semibold">
            {rx.drugName}
          </h2>
          <p>
            {rx.dose}, {rx.route}, {rx.frequency}, for {rx.durationDays} days
          </p>
          <p>
            Quantity {rx.quantity} · {rx.refills === 0 ? "no refills" : `${rx.refills} refill${rx.refills === 1 ? "" : "s"}`}
          </p>
          {rx.instructions && <p className="mt-2">{rx.instructions}</p>}
        </section>
        <section aria-labelledby="rx-verify" className="space-y-1 text-sm">
          <h2 id="rx-verify" className="font-semibold">
            Verification
          </h2>
          <p className="flex flex-wrap items-center gap-2">
            On chain: <StatusBadge status={rx.anchor} />
            {rx.status === "CANCELLED" && <Badge tone="danger">Cancelled</Badge>}
          </p>
          <p className="break-all text-muted">
            Hash <code>{rx.rxHash}</code>
          </p>
        </section>
        <div className="flex gap-3 print:hidden">
          <PrintButton />
          <ButtonLink href={HOME_OF[user.role]} variant="secondary">
            Back to the portal
          </ButtonLink>
        </div>
      </main>
    </div>
  );
}
