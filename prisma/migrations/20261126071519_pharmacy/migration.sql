-- CreateEnum
CREATE TYPE "DrugForm" AS ENUM ('TABLET', 'CAPSULE', 'SOLUTION', 'SUSPENSION', 'INJECTION', 'INHALER', 'CREAM', 'PATCH', 'SPRAY', 'DEVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "StockMovementKind" AS ENUM ('RECEIVE', 'DISPENSE', 'SELL', 'RETURN', 'ADJUST', 'EXPIRE');

-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'MOBILE');

-- CreateTable
CREATE TABLE "Drug" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "genericName" TEXT NOT NULL,
    "form" "DrugForm" NOT NULL,
    "strength" TEXT NOT NULL,
    "packSize" INTEGER NOT NULL,
    "barcode" TEXT,
    "priceCents" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "controlled" BOOLEAN NOT NULL DEFAULT false,
    "otc" BOOLEAN NOT NULL DEFAULT false,
    "rxnormCode" TEXT,
    "reorderLevel" INTEGER NOT NULL DEFAULT 0,
    "reorderQuantity" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Drug_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockLot" (
    "id" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "unitCostCents" INTEGER NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockMovement" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "kind" "StockMovementKind" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT,
    "actorId" UUID NOT NULL,
    "purchaseOrderLineId" UUID,
    "saleLineId" UUID,
    "dispenseId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMovement_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "Supplier" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "leadTimeDays" INTEGER NOT NULL DEFAULT 3,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "supplierId" UUID NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'DRAFT',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrderLine" (
    "id" UUID NOT NULL,
    "purchaseOrderId" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "quantityOrdered" INTEGER NOT NULL,
    "quantityReceived" INTEGER NOT NULL DEFAULT 0,
    "unitCostCents" INTEGER NOT NULL,

    CONSTRAINT "PurchaseOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sale" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "soldById" UUID NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaleLine" (
    "id" UUID NOT NULL,
    "saleId" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "returnedQuantity" INTEGER NOT NULL DEFAULT 0,
    "unitPriceCents" INTEGER NOT NULL,

    CONSTRAINT "SaleLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Drug_barcode_key" ON "Drug"("barcode");

-- CreateIndex
CREATE INDEX "Drug_rxnormCode_idx" ON "Drug"("rxnormCode");

-- CreateIndex
CREATE INDEX "StockLot_drugId_expiresOn_idx" ON "StockLot"("drugId", "expiresOn");

-- CreateIndex
CREATE INDEX "StockLot_expiresOn_idx" ON "StockLot"("expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "StockLot_drugId_lotNumber_key" ON "StockLot"("drugId", "lotNumber");

-- CreateIndex
CREATE UNIQUE INDEX "StockMovement_id_key" ON "StockMovement"("id");

-- CreateIndex
CREATE INDEX "StockMovement_lotId_seq_idx" ON "StockMovement"("lotId", "seq");

-- CreateIndex
CREATE INDEX "StockMovement_drugId_at_idx" ON "StockMovement"("drugId", "at");

-- CreateIndex
CREATE INDEX "StockMovement_kind_at_idx" ON "StockMovement"("kind", "at");

-- CreateIndex
CREATE INDEX "StockMovement_saleLineId_idx" ON "StockMovement"("saleLineId");

-- CreateIndex
CREATE INDEX "StockMovement_dispenseId_idx" ON "StockMovement"("dispenseId");

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_name_key" ON "Supplier"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_number_key" ON "PurchaseOrder"("number");

-- CreateIndex
CREATE INDEX "PurchaseOrder_status_createdAt_idx" ON "PurchaseOrder"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_purchaseOrderId_drugId_key" ON "PurchaseOrderLine"("purchaseOrderId", "drugId");

-- CreateIndex
CREATE UNIQUE INDEX "Sale_number_key" ON "Sale"("number");

-- CreateIndex
CREATE INDEX "Sale_createdAt_idx" ON "Sale"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SaleLine_saleId_drugId_key" ON "SaleLine"("saleId", "drugId");

-- AddForeignKey
ALTER TABLE "StockLot" ADD CONSTRAINT "StockLot_drugId_fkey" FOREIGN KEY ("drugId") REFERENCES "Drug"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "StockLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_drugId_fkey" FOREIGN KEY ("drugId") REFERENCES "Drug"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_purchaseOrderLineId_fkey" FOREIGN KEY ("purchaseOrderLineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_saleLineId_fkey" FOREIGN KEY ("saleLineId") REFERENCES "SaleLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_drugId_fkey" FOREIGN KEY ("drugId") REFERENCES "Drug"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_saleId_fkey" FOREIGN KEY ("saleId") REFERENCES "Sale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_drugId_fkey" FOREIGN KEY ("drugId") REFERENCES "Drug"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Hand-written: what Prisma's schema cannot express.

-- Staff references (plain uuid columns, so identity.prisma needs no back-relations).
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_soldById_fkey" FOREIGN KEY ("soldById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Drug" ADD CONSTRAINT "Drug_price_nonnegative" CHECK ("priceCents" >= 0);
ALTER TABLE "Drug" ADD CONSTRAINT "Drug_pack_positive" CHECK ("packSize" > 0);
ALTER TABLE "Drug" ADD CONSTRAINT "Drug_reorder_nonnegative" CHECK ("reorderLevel" >= 0 AND "reorderQuantity" >= 0);
ALTER TABLE "Drug" ADD CONSTRAINT "Drug_barcode_digits" CHECK ("barcode" IS NULL OR "barcode" ~ '^[0-9]{8,14}$');
ALTER TABLE "StockLot" ADD CONSTRAINT "StockLot_cost_nonnegative" CHECK ("unitCostCents" >= 0);
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_quantities" CHECK ("quantityOrdered" > 0 AND "quantityReceived" >= 0 AND "quantityReceived" <= "quantityOrdered");
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_cost_nonnegative" CHECK ("unitCostCents" >= 0);
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_total_nonnegative" CHECK ("totalCents" >= 0);
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_quantities" CHECK ("quantity" > 0 AND "returnedQuantity" >= 0 AND "returnedQuantity" <= "quantity");
ALTER TABLE "SaleLine" ADD CONSTRAINT "SaleLine_price_nonnegative" CHECK ("unitPriceCents" >= 0);

-- Stock can never go below zero, whoever writes and however many at once: the ledger trigger below updates the
-- lot row (row lock, so concurrent movements apply one after another) and this CHECK refuses a negative result.
ALTER TABLE "StockLot" ADD CONSTRAINT "StockLot_quantity_nonnegative" CHECK ("quantity" >= 0);

-- Each kind of movement has its sign; an adjustment says why.
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_sign" CHECK (
  CASE "kind"
    WHEN 'RECEIVE' THEN "quantity" > 0
    WHEN 'RETURN' THEN "quantity" > 0
    WHEN 'ADJUST' THEN "quantity" <> 0
    ELSE "quantity" < 0
  END
);
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_adjust_reason" CHECK ("kind" <> 'ADJUST' OR length(btrim(coalesce("reason", ''))) > 0);

-- A lot starts empty; its quantity is the sum of its ledger rows and changes only through them.
CREATE FUNCTION stock_lot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."quantity" <> 0 THEN
    RAISE EXCEPTION 'a stock lot starts empty; receive stock through the ledger' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."quantity" IS DISTINCT FROM OLD."quantity" AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'stock changes only through the ledger (StockMovement)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."drugId" <> OLD."drugId") THEN
    RAISE EXCEPTION 'a stock lot cannot change drug' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "StockLot_guard" BEFORE INSERT OR UPDATE ON "StockLot" FOR EACH ROW EXECUTE FUNCTION stock_lot_guard();

-- Applies each movement to its lot in the same statement. Expired lots are never sold or dispensed.
CREATE FUNCTION stock_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lot RECORD;
BEGIN
  UPDATE "StockLot" SET "quantity" = "quantity" + NEW."quantity" WHERE "id" = NEW."lotId"
    RETURNING "drugId", "expiresOn" INTO lot;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown stock lot %', NEW."lotId" USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF lot."drugId" <> NEW."drugId" THEN
    RAISE EXCEPTION 'movement drug does not match its lot' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."kind" IN ('SELL', 'DISPENSE') AND lot."expiresOn" < current_date THEN
    RAISE EXCEPTION 'lot expired on %: it cannot be sold or dispensed', lot."expiresOn" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "StockMovement_apply" AFTER INSERT ON "StockMovement" FOR EACH ROW EXECUTE FUNCTION stock_movement_apply();

-- The ledger is append-only: a mistake is corrected by a new movement, never by editing one.
CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StockMovement is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "StockMovement_append_only" BEFORE UPDATE OR DELETE ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();
CREATE TRIGGER "StockMovement_no_truncate" BEFORE TRUNCATE ON "StockMovement"
  FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only();

-- Search by name or generic name (substring, any case) stays fast with many thousands of drugs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Drug_name_trgm" ON "Drug" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Drug_genericName_trgm" ON "Drug" USING GIN ("genericName" gin_trgm_ops);
-- Stock on hand per drug reads only unexpired lots with units left.
CREATE INDEX "StockLot_sellable" ON "StockLot" ("drugId", "expiresOn") WHERE "quantity" > 0;
