import type { Metadata } from "next";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { ContactDetailsForm } from "@/components/records/contact-details-form";
import { formatDay } from "@/components/records/format";
import { InsuranceForm } from "@/components/records/insurance-form";
import { requirePermission } from "@/lib/auth/session";
import { getPatientProfile } from "@/lib/patients/get-patient-profile";
import { listInsurance } from "@/lib/records/insurance";

export const metadata: Metadata = { title: "Contact and insurance" };

export default async function PatientDetails() {
  const user = await requirePermission("area:patient");
  const [profile, covers] = await Promise.all([getPatientProfile(user, user.userId), listInsurance(user, user.userId)]);
  const day = (d: Date | null) => (d ? formatDay(d) : "");
  return (
    <>
      <PageHeader
        title="Contact and insurance"
        description="Keep these up to date. Every change keeps the earlier version."
        breadcrumbs={[{ label: "Home", href: "/patient" }, { label: "Medical history", href: "/patient/records" }, { label: "Contact and insurance" }]}
      />
      <div className="space-y-6">
        {profile && (
          <Card>
            <CardHeader title="Contact details and emergency contact" />
            <CardBody>
              <ContactDetailsForm
                values={{
                  phone: profile.phone,
                  addressLine: profile.addressLine,
                  city: profile.city,
                  postalCode: profile.postalCode,
                  country: profile.country,
                  emergencyContactName: profile.emergencyContactName,
                  emergencyContactPhone: profile.emergencyContactPhone,
                  emergencyContactRelation: profile.emergencyContactRelation,
                }}
              />
            </CardBody>
          </Card>
        )}
        {covers.map((c) => (
          <Card key={c.id}>
            <CardHeader title={`Insurance: ${c.payer}`} description={`Version ${c.version}`} />
            <CardBody>
              <InsuranceForm
                submitLabel="Save insurance"
                values={{ id: c.id, version: c.version, payer: c.payer, planName: c.planName ?? "", memberId: c.memberId, groupNumber: c.groupNumber ?? "", validFrom: day(c.validFrom), validTo: day(c.validTo) }}
              />
            </CardBody>
          </Card>
        ))}
        <Card>
          <CardHeader title="Add insurance" />
          <CardBody>
            <InsuranceForm submitLabel="Add insurance" />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
