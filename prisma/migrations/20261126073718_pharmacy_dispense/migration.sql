-- CreateTable
CREATE TABLE "Dispense" (
    "id" UUID NOT NULL,
    "prescriptionId" UUID NOT NULL,
    "fillNumber" INTEGER NOT NULL,
    "part" INTEGER NOT NULL DEFAULT 1,
    "patientId" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "pharmacistId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "owed" INTEGER NOT NULL,
    "chainOpId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dispense_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dispense_patientId_createdAt_idx" ON "Dispense"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispense_createdAt_idx" ON "Dispense"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Dispense_prescriptionId_fillNumber_part_key" ON "Dispense"("prescriptionId", "fillNumber", "part");


-- Hand-written: what Prisma's schema cannot express.
ALTER TABLE "Dispense" ADD CONSTRAINT "Dispense_prescriptionId_fkey" FOREIGN KEY ("prescriptionId") REFERENCES "Prescription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dispense" ADD CONSTRAINT "Dispense_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dispense" ADD CONSTRAINT "Dispense_pharmacistId_fkey" FOREIGN KEY ("pharmacistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dispense" ADD CONSTRAINT "Dispense_drugId_fkey" FOREIGN KEY ("drugId") REFERENCES "Drug"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dispense" ADD CONSTRAINT "Dispense_quantities" CHECK ("fillNumber" >= 1 AND "part" >= 1 AND "quantity" > 0 AND "owed" >= 0);
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_dispenseId_fkey" FOREIGN KEY ("dispenseId") REFERENCES "Dispense"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A dispense is a record of what was handed over: it is never edited or removed.
CREATE FUNCTION dispense_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."chainOpId" IS DISTINCT FROM OLD."chainOpId"
     AND (NEW."id", NEW."prescriptionId", NEW."fillNumber", NEW."part", NEW."quantity", NEW."owed") = (OLD."id", OLD."prescriptionId", OLD."fillNumber", OLD."part", OLD."quantity", OLD."owed") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Dispense is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Dispense_append_only" BEFORE UPDATE OR DELETE ON "Dispense" FOR EACH ROW EXECUTE FUNCTION dispense_append_only();
