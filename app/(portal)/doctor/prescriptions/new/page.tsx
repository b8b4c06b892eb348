import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, Badge, Button, ButtonLink, Card, CardBody, CardHeader, FormField, Input, PageHeader, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { searchDrugs } from "@/lib/pharmacy/catalogue/search-drugs";
import { submitPrescription } from "@/lib/prescriptions/actions";
import { preparePrescription } from "@/lib/prescriptions/prepare-prescription";
import { FREQUENCIES, ROUTES } from "@/lib/prescriptions/schemas";
import { INTERACTIONS_SOURCE } from "@/lib/prescriptions/warnings";
import { ActionForm } from "../../visits/action-form";

export const metadata: Metadata = { title: "New prescription" };

const money = (cents: number | null) => (cents === null ? "—" : new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100));
const UUID = /^[0-9a-f-]{36}$/i;

export default async function NewPrescription({ searchParams }: { searchParams: Promise<{ visitId?: string; q?: string; drugId?: string }> }) {
  const user = await requirePermission("area:doctor");
  const { visitId = "", q = "", drugId = "" } = await searchParams;
  if (!UUID.test(visitId)) notFound();
  const hits = q ? await searchDrugs(user, { query: q, limit: 10 }) : [];
  const prepared = UUID.test(drugId)
    ? await preparePrescription(user, { visitId, drugId }).catch((error: unknown) => {
        if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
        throw error;
      })
    : null;
  const serious = prepared?.warnings.filter((w) => w.kind !== "unknown-allergies") ?? [];
  return (
    <>
      <PageHeader
        title="New prescription"
        description="Choose a drug from the pharmacy's catalogue; price, stock and warnings show before you sign."
        breadcrumbs={[{ label: "Today", href: "/doctor" }, { label: "Visit", href: `/doctor/visits/${visitId}` }, { label: "New prescription" }]}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Drug" />
          <CardBody className="space-y-4">
            <form method="get" role="search" aria-label="Drug catalogue" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="visitId" value={visitId} />
              <FormField label="Search the catalogue" hint="Name, generic name or strength." className="min-w-64 flex-1">
                <Input name="q" type="search" defaultValue={q} />
              </FormField>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
            {q && hits.length === 0 && <p className="text-sm text-muted">No drug matches “{q}”.</p>}
            {hits.length > 0 && (
              <Table caption={`Drugs matching “${q}”`}>
                <THead>
                  <TR>
                    <TH>Drug</TH>
                    <TH numeric>Price</TH>
                    <TH numeric>In stock</TH>
                    <TH>
                      <span className="sr-only">Choose</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {hits.map((d) => (
                    <TR key={d.id}>
                      <TD>
                        {d.name}
                        <span className="block text-sm text-muted">
                          {d.genericName} · {d.form.toLowerCase()} · {d.strength}
                        </span>
                      </TD>
                      <TD numeric>{money(d.priceCents)}</TD>
                      <TD numeric>{d.onHand}</TD>
                      <TD>
                        <ButtonLink href={`/doctor/prescriptions/new?visitId=${visitId}&q=${encodeURIComponent(q)}&drugId=${d.id}`} size="sm" variant={d.id === drugId ? "primary" : "secondary"} aria-label={`Choose ${d.name}`}>
                          Choose
                        </ButtonLink>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>

        {prepared && (
          <Card>
            <CardHeader
              title={prepared.drug.name}
              description={`${prepared.drug.genericName} · ${prepared.drug.strength}`}
              actions={
                <>
                  <Badge tone="info">{money(prepared.drug.priceCents)}</Badge>
                  <Badge tone={prepared.drug.onHand > 0 ? "success" : "warning"}>{prepared.drug.onHand > 0 ? `${prepared.drug.onHand} in stock` : "Out of stock"}</Badge>
                </>
              }
            />
            <CardBody className="space-y-4">
              {prepared.warnings.map((w) => (
                <Alert key={w.message} tone={w.kind === "unknown-allergies" ? "info" : w.severity === "major" ? "danger" : "warning"} title={w.kind === "allergy" ? "Allergy" : w.kind === "interaction" ? `Interaction (${w.severity})` : "Not checked"}>
                  {w.message}
                </Alert>
              ))}
              {prepared.warnings.length === 0 && <Alert tone="success">No recorded allergy or known interaction for this drug.</Alert>}
              <ActionForm action={submitPrescription} submitLabel="Sign prescription" reset={false}>
                <input type="hidden" name="visitId" value={visitId} />
                <input type="hidden" name="drugId" value={prepared.drug.id} />
                <div className="grid gap-4 md:grid-cols-3">
                  <FormField label="Dose" hint="e.g. 1 tablet, 5 mL" required>
                    <Input name="dose" />
                  </FormField>
                  <FormField label="Route" required>
                    <Select name="route" defaultValue="oral">
                      {ROUTES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </Select>
                  </FormField>
                  <FormField label="Frequency" required>
                    <Select name="frequency" defaultValue="once daily">
                      {FREQUENCIES.map((f) => (
                        <option key={f} value={f}>
                          {f}
                        </option>
                      ))}
                    </Select>
                  </FormField>
                  <FormField label="Duration (days)" required>
                    <Input name="durationDays" type="number" min={1} max={365} defaultValue={7} />
                  </FormField>
                  <FormField label="Quantity" required>
                    <Input name="quantity" type="number" min={1} defaultValue={prepared.drug.form === "TABLET" || prepared.drug.form === "CAPSULE" ? 30 : 1} />
                  </FormField>
                  <FormField label="Refills" required>
                    <Input name="refills" type="number" min={0} max={11} defaultValue={0} />
                  </FormField>
                </div>
                <FormField label="Instructions for the patient">
                  <Input name="instructions" />
                </FormField>
                {serious.length > 0 && (
                  <label className="flex items-start gap-3 text-sm">
                    <input type="checkbox" name="acknowledgeWarnings" value="on" className="mt-1 size-4 accent-brand-600" />
                    <span>I have considered the {serious.length === 1 ? "warning" : `${serious.length} warnings`} above and prescribe all the same.</span>
                  </label>
                )}
              </ActionForm>
              <p className="text-xs text-muted">Interaction table: {INTERACTIONS_SOURCE}</p>
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
