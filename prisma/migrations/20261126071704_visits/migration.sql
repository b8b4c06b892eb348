-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('OPEN', 'SIGNED');

-- CreateEnum
CREATE TYPE "PrescriptionStatus" AS ENUM ('SIGNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BreakGlassReview" AS ENUM ('PENDING', 'JUSTIFIED', 'UNJUSTIFIED');

-- CreateTable
CREATE TABLE "Visit" (
    "id" UUID NOT NULL,
    "appointmentId" UUID,
    "doctorId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "status" "VisitStatus" NOT NULL DEFAULT 'OPEN',
    "notesCipher" TEXT,
    "systolicMmHg" INTEGER,
    "diastolicMmHg" INTEGER,
    "heartRateBpm" INTEGER,
    "respiratoryRate" INTEGER,
    "temperatureC" DOUBLE PRECISION,
    "spo2Percent" INTEGER,
    "weightKg" DOUBLE PRECISION,
    "heightCm" DOUBLE PRECISION,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMPTZ(3),
    "signedHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitDiagnosis" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "system" TEXT NOT NULL DEFAULT 'ICD-10-CM',
    "code" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitDiagnosis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamOrder" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "instructionsCipher" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitAmendment" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "contentCipher" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prescription" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "visitId" UUID,
    "doctorId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "drugId" UUID NOT NULL,
    "drugName" TEXT NOT NULL,
    "dose" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "durationDays" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refills" INTEGER NOT NULL,
    "instructionsCipher" TEXT,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "status" "PrescriptionStatus" NOT NULL DEFAULT 'SIGNED',
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "rxSalt" TEXT NOT NULL,
    "rxHash" TEXT NOT NULL,
    "chainOpId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prescription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakGlassAccess" (
    "id" UUID NOT NULL,
    "doctorId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "reasonCipher" TEXT NOT NULL,
    "reasonHash" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "review" "BreakGlassReview" NOT NULL DEFAULT 'PENDING',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNote" TEXT,
    "chainOpId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreakGlassAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Visit_appointmentId_key" ON "Visit"("appointmentId");

-- CreateIndex
CREATE INDEX "Visit_patientId_startedAt_idx" ON "Visit"("patientId", "startedAt");

-- CreateIndex
CREATE INDEX "Visit_doctorId_startedAt_idx" ON "Visit"("doctorId", "startedAt");

-- CreateIndex
CREATE INDEX "VisitDiagnosis_visitId_idx" ON "VisitDiagnosis"("visitId");

-- CreateIndex
CREATE INDEX "ExamOrder_visitId_idx" ON "ExamOrder"("visitId");

-- CreateIndex
CREATE INDEX "VisitAmendment_visitId_createdAt_idx" ON "VisitAmendment"("visitId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Prescription_code_key" ON "Prescription"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Prescription_rxHash_key" ON "Prescription"("rxHash");

-- CreateIndex
CREATE INDEX "Prescription_patientId_signedAt_idx" ON "Prescription"("patientId", "signedAt");

-- CreateIndex
CREATE INDEX "Prescription_doctorId_signedAt_idx" ON "Prescription"("doctorId", "signedAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_doctorId_patientId_expiresAt_idx" ON "BreakGlassAccess"("doctorId", "patientId", "expiresAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_review_startedAt_idx" ON "BreakGlassAccess"("review", "startedAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_patientId_startedAt_idx" ON "BreakGlassAccess"("patientId", "startedAt");

-- AddForeignKey
ALTER TABLE "VisitDiagnosis" ADD CONSTRAINT "VisitDiagnosis_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamOrder" ADD CONSTRAINT "ExamOrder_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitAmendment" ADD CONSTRAINT "VisitAmendment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what Prisma's schema cannot express.

ALTER TABLE "Visit" ADD CONSTRAINT "Visit_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VisitAmendment" ADD CONSTRAINT "VisitAmendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Visit" ADD CONSTRAINT "Visit_signed_complete" CHECK (("status" = 'SIGNED') = ("signedAt" IS NOT NULL AND "signedHash" IS NOT NULL));
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_amounts" CHECK ("durationDays" BETWEEN 1 AND 365 AND "quantity" BETWEEN 1 AND 10000 AND "refills" BETWEEN 0 AND 11);
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_expires_after_signing" CHECK ("expiresAt" > "signedAt");
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_expires_after_start" CHECK ("expiresAt" > "startedAt");
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_review_complete" CHECK (("review" = 'PENDING') = ("reviewedAt" IS NULL AND "reviewedById" IS NULL));

-- A signed visit is locked: the visit row, its diagnoses and exam orders can no longer change, whoever asks.
-- Later changes are amendments, which are append-only and only exist for signed visits.
CREATE FUNCTION visit_locked_when_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'SIGNED' THEN
    RAISE EXCEPTION 'visit % is signed and locked (% refused)', OLD."id", TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "Visit_locked_when_signed" BEFORE UPDATE OR DELETE ON "Visit"
  FOR EACH ROW EXECUTE FUNCTION visit_locked_when_signed();

CREATE FUNCTION visit_part_locked_when_signed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  visit_status "VisitStatus";
BEGIN
  -- FOR SHARE waits for a signing in flight, so nothing slips in between the signature's hash and the lock.
  SELECT "status" INTO visit_status FROM "Visit"
    WHERE "id" = CASE TG_OP WHEN 'DELETE' THEN OLD."visitId" ELSE NEW."visitId" END FOR SHARE;
  IF visit_status = 'SIGNED' OR (TG_OP = 'UPDATE' AND OLD."visitId" <> NEW."visitId") THEN
    RAISE EXCEPTION '% of a signed visit refused on %', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "VisitDiagnosis_locked_when_signed" BEFORE INSERT OR UPDATE OR DELETE ON "VisitDiagnosis"
  FOR EACH ROW EXECUTE FUNCTION visit_part_locked_when_signed();
CREATE TRIGGER "ExamOrder_locked_when_signed" BEFORE INSERT OR UPDATE OR DELETE ON "ExamOrder"
  FOR EACH ROW EXECUTE FUNCTION visit_part_locked_when_signed();

CREATE FUNCTION visit_amendment_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'VisitAmendment is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "Visit" WHERE "id" = NEW."visitId" AND "status" = 'SIGNED') THEN
    RAISE EXCEPTION 'only a signed visit takes amendments' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "VisitAmendment_rules" BEFORE INSERT OR UPDATE OR DELETE ON "VisitAmendment"
  FOR EACH ROW EXECUTE FUNCTION visit_amendment_rules();

-- A signed prescription's content never changes (its hash is on chain): only its status and outbox link may.
CREATE FUNCTION prescription_content_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR ROW(NEW."code", NEW."visitId", NEW."doctorId", NEW."patientId", NEW."drugId", NEW."drugName", NEW."dose",
      NEW."route", NEW."frequency", NEW."durationDays", NEW."quantity", NEW."refills", NEW."instructionsCipher", NEW."signedAt",
      NEW."expiresAt", NEW."rxSalt", NEW."rxHash")
    IS DISTINCT FROM ROW(OLD."code", OLD."visitId", OLD."doctorId", OLD."patientId", OLD."drugId", OLD."drugName", OLD."dose",
      OLD."route", OLD."frequency", OLD."durationDays", OLD."quantity", OLD."refills", OLD."instructionsCipher", OLD."signedAt",
      OLD."expiresAt", OLD."rxSalt", OLD."rxHash") THEN
    RAISE EXCEPTION 'a signed prescription cannot be changed (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Prescription_content_fixed" BEFORE UPDATE OR DELETE ON "Prescription"
  FOR EACH ROW EXECUTE FUNCTION prescription_content_fixed();
