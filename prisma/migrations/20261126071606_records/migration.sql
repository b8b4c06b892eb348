-- CreateEnum
CREATE TYPE "ClinicalKind" AS ENUM ('CONDITION', 'ALLERGY', 'MEDICATION', 'IMMUNIZATION', 'OBSERVATION', 'PROCEDURE', 'ENCOUNTER', 'DIAGNOSTIC_REPORT', 'FAMILY_HISTORY');

-- CreateEnum
CREATE TYPE "EntrySource" AS ENUM ('MANUAL', 'FHIR_IMPORT');

-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('UPDATED', 'DELETED');

-- CreateTable
CREATE TABLE "ClinicalEntry" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "kind" "ClinicalKind" NOT NULL,
    "codeSystem" TEXT,
    "code" TEXT,
    "display" TEXT NOT NULL,
    "status" TEXT,
    "category" TEXT,
    "occurredAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "valueNumber" DOUBLE PRECISION,
    "valueUnit" TEXT,
    "valueText" TEXT,
    "details" JSONB,
    "noteCipher" TEXT,
    "encounterKey" TEXT,
    "source" "EntrySource" NOT NULL,
    "sourceKey" TEXT,
    "importId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ClinicalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Insurance" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "payer" TEXT NOT NULL,
    "planName" TEXT,
    "memberIdCipher" TEXT NOT NULL,
    "groupNumber" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Insurance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordRevision" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "RevisionAction" NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beforeCipher" TEXT NOT NULL,

    CONSTRAINT "RecordRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FhirImport" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "importedById" UUID,
    "bundleSha256" TEXT NOT NULL,
    "sourcePatientCipher" TEXT,
    "imported" JSONB NOT NULL,
    "skipped" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FhirImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClinicalEntry_patientId_kind_occurredAt_idx" ON "ClinicalEntry"("patientId", "kind", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicalEntry_patientId_sourceKey_key" ON "ClinicalEntry"("patientId", "sourceKey");

-- CreateIndex
CREATE INDEX "Insurance_patientId_idx" ON "Insurance"("patientId");

-- CreateIndex
CREATE INDEX "RecordRevision_patientId_changedAt_idx" ON "RecordRevision"("patientId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecordRevision_entityType_entityId_version_key" ON "RecordRevision"("entityType", "entityId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FhirImport_patientId_bundleSha256_key" ON "FhirImport"("patientId", "bundleSha256");

-- AddForeignKey
ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_importId_fkey" FOREIGN KEY ("importId") REFERENCES "FhirImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Hand-written: what Prisma's schema cannot express.

ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Insurance" ADD CONSTRAINT "Insurance_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Insurance" ADD CONSTRAINT "Insurance_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Insurance" ADD CONSTRAINT "Insurance_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecordRevision" ADD CONSTRAINT "RecordRevision_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecordRevision" ADD CONSTRAINT "RecordRevision_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FhirImport" ADD CONSTRAINT "FhirImport_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FhirImport" ADD CONSTRAINT "FhirImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_version_positive" CHECK ("version" >= 1);
ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_imported_has_key" CHECK ("source" <> 'FHIR_IMPORT' OR ("sourceKey" IS NOT NULL AND "importId" IS NOT NULL));
ALTER TABLE "ClinicalEntry" ADD CONSTRAINT "ClinicalEntry_period_ordered" CHECK ("endedAt" IS NULL OR "occurredAt" IS NULL OR "endedAt" >= "occurredAt");
ALTER TABLE "Insurance" ADD CONSTRAINT "Insurance_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Insurance" ADD CONSTRAINT "Insurance_validity_ordered" CHECK ("validTo" IS NULL OR "validFrom" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "FhirImport" ADD CONSTRAINT "FhirImport_sha256_hex" CHECK ("bundleSha256" ~ '^[0-9a-f]{64}$');

-- Revisions are history: no row is ever changed or removed.
CREATE FUNCTION record_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'RecordRevision is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "RecordRevision_append_only" BEFORE UPDATE OR DELETE ON "RecordRevision"
  FOR EACH ROW EXECUTE FUNCTION record_revision_append_only();
