import type { Metadata } from "next";
import { Card, CardBody, PageHeader } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { NewDrugForm } from "./new-drug-form";

export const metadata: Metadata = { title: "New catalogue item" };

export default async function NewDrug() {
  await requirePermission("area:pharmacy");
  return (
    <>
      <PageHeader title="New catalogue item" breadcrumbs={[{ label: "Inventory", href: "/pharmacy/inventory" }, { label: "New item" }]} />
      <Card>
        <CardBody>
          <NewDrugForm />
        </CardBody>
      </Card>
    </>
  );
}
