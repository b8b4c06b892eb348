/**
 * Seeds the pharmacy: the catalogue in scripts/db/data/pharmacy-catalogue.json (derived once from the RxNorm-coded
 * MedicationRequests of the Synthea FHIR R4 sample, plus common over-the-counter items with EAN-13 barcodes, see
 * gen-pharmacy-catalogue.ts), three suppliers, lots with expiries received through the ledger, some low stock and
 * expiring or expired lots for the alerts, two weeks of counter sales for the reports, and two purchase orders.
 * Safe to run again: catalogue items and suppliers are upserted, lots, sales and orders are made only once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import type { CatalogueItem } from "./gen-pharmacy-catalogue.ts";

export const PHARMACY_SUPPLIERS = [
  { name: "MedSupply Wholesale", email: "orders@medsupply.example.com", phone: "+1 555 010 2000", leadTimeDays: 2 },
  { name: "Northwind Pharma Distribution", email: "sales@northwind-pharma.example.com", phone: "+1 555 010 3000", leadTimeDays: 4 },
  { name: "CityCare Generics", email: "hello@citycare-generics.example.com", phone: "+1 555 010 4000", leadTimeDays: 7 },
];

const DAY = 86_400_000;
const today = () => new Date(new Date().toISOString().slice(0, 10));
const daysFrom = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

export function loadCatalogue(): CatalogueItem[] {
  const file = join(import.meta.dirname, "data", "pharmacy-catalogue.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { items: CatalogueItem[] }).items;
}

export async function seedPharmacy(prisma: PrismaClient, log: (msg: string) => void = () => {}): Promise<void> {
  const pharmacist = await prisma.user.findFirst({ where: { role: "PHARMACIST" }, orderBy: { email: "asc" }, select: { id: true } });
  if (!pharmacist) throw new Error("seed the demo clinic's staff before the pharmacy");
  const actorId = pharmacist.id;
  const items = loadCatalogue();

  const drugIds: string[] = [];
  for (const item of items) {
    const { prescribed: _prescribed, ...data } = item;
    const drug = await prisma.drug.upsert({ where: { barcode: item.barcode }, create: data, update: data, select: { id: true } });
    drugIds.push(drug.id);
  }
  const suppliers = [];
  for (const s of PHARMACY_SUPPLIERS) suppliers.push(await prisma.supplier.upsert({ where: { name: s.name }, create: s, update: s }));

  // Lots, through the ledger (a lot starts empty; its RECEIVE movement fills it).
  const base = today();
  let lotsMade = 0;
  for (const [i, item] of items.entries()) {
    const plan: { suffix: string; quantity: number; expiresIn: number }[] = [];
    const plenty = 40 + ((i * 37) % 80);
    if (i % 10 === 3) plan.push({ suffix: "A", quantity: Math.max(1, item.reorderLevel - 3), expiresIn: 300 });
    else if (i % 10 === 5) plan.push({ suffix: "A", quantity: 12, expiresIn: 20 }, { suffix: "B", quantity: plenty, expiresIn: 420 });
    else plan.push({ suffix: "A", quantity: Math.round(plenty / 2), expiresIn: 150 + (i % 60) }, { suffix: "B", quantity: plenty, expiresIn: 400 + (i % 200) });
    if (i % 17 === 7) plan.push({ suffix: "X", quantity: 4, expiresIn: -10 });
    for (const lot of plan) {
      const lotNumber = `${item.barcode.slice(-6, -1)}-${lot.suffix}`;
      const drugId = drugIds[i]!;
      if (await prisma.stockLot.findUnique({ where: { drugId_lotNumber: { drugId, lotNumber } }, select: { id: true } })) continue;
      const unitCostCents = Math.round(item.priceCents * 0.6);
      await prisma.$transaction(async (tx) => {
        const created = await tx.stockLot.create({
          data: { drugId, lotNumber, expiresOn: daysFrom(base, lot.expiresIn), unitCostCents, location: `Shelf ${String.fromCharCode(65 + (i % 8))}${1 + (i % 5)}`, receivedAt: daysFrom(base, -30) },
        });
        await tx.stockMovement.create({ data: { lotId: created.id, drugId, kind: "RECEIVE", quantity: lot.quantity, actorId, at: daysFrom(base, -30) } });
      });
      lotsMade++;
    }
  }

  // Two weeks of counter sales of over-the-counter items (once), first-expiring lot first.
  let salesMade = 0;
  if ((await prisma.sale.count()) === 0) {
    const otc = items.map((item, i) => ({ item, drugId: drugIds[i]! })).filter(({ item }) => item.otc);
    for (let day = 14; day >= 1; day--) {
      for (let n = 0; n < 2 + ((day * 7) % 5); n++) {
        const pick = otc[(day * 13 + n * 7) % otc.length]!;
        const quantity = 1 + ((day + n) % 2);
        const lot = await prisma.stockLot.findFirst({
          where: { drugId: pick.drugId, quantity: { gte: quantity + 10 }, expiresOn: { gte: base } },
          orderBy: { expiresOn: "asc" },
        });
        if (!lot) continue;
        const at = new Date(daysFrom(base, -day).getTime() + (9 + n) * 3_600_000);
        await prisma.$transaction(async (tx) => {
          const sale = await tx.sale.create({
            data: { soldById: actorId, paymentMethod: (["CASH", "CARD", "MOBILE"] as const)[n % 3]!, totalCents: pick.item.priceCents * quantity, createdAt: at },
          });
          const line = await tx.saleLine.create({ data: { saleId: sale.id, drugId: pick.drugId, quantity, unitPriceCents: pick.item.priceCents } });
          await tx.stockMovement.create({ data: { lotId: lot.id, drugId: pick.drugId, kind: "SELL", quantity: -quantity, actorId, saleLineId: line.id, at } });
        });
        salesMade++;
      }
    }
  }

  // A sent order waiting to be received, and a draft (once).
  if ((await prisma.purchaseOrder.count()) === 0) {
    const low = items.map((item, i) => ({ item, drugId: drugIds[i]! })).filter((_, i) => i % 10 === 3);
    const line = ({ item, drugId }: { item: CatalogueItem; drugId: string }) => ({ drugId, quantityOrdered: item.reorderQuantity, unitCostCents: Math.round(item.priceCents * 0.6) });
    await prisma.purchaseOrder.create({
      data: { supplierId: suppliers[0]!.id, status: "SENT", sentAt: daysFrom(base, -1), createdById: actorId, notes: "Weekly top-up", lines: { create: low.slice(0, 3).map(line) } },
    });
    await prisma.purchaseOrder.create({
      data: { supplierId: suppliers[1]!.id, status: "DRAFT", createdById: actorId, notes: "", lines: { create: low.slice(3, 5).map(line) } },
    });
  }
  log(`seeded the pharmacy: ${items.length} catalogue items, ${suppliers.length} suppliers, ${lotsMade} new lots, ${salesMade} past sales`);
}
