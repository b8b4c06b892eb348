-- CreateEnum
CREATE TYPE "ConsentChainStatus" AS ENUM ('PENDING', 'CONFIRMED', 'FAILED');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('PORTAL', 'CHAIN');

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "granteeId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "source" "ConsentSource" NOT NULL,
    "grantStatus" "ConsentChainStatus" NOT NULL,
    "grantOpId" UUID,
    "grantTxHash" TEXT,
    "revokeStatus" "ConsentChainStatus",
    "revokeOpId" UUID,
    "revokeTxHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainIndexerCursor" (
    "id" TEXT NOT NULL,
    "nextBlock" BIGINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChainIndexerCursor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consent_granteeId_patientId_idx" ON "Consent"("granteeId", "patientId");

-- CreateIndex
CREATE INDEX "Consent_patientId_createdAt_idx" ON "Consent"("patientId", "createdAt");



-- Hand-written: what Prisma's schema cannot express.

ALTER TABLE "Consent" ADD CONSTRAINT "Consent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_granteeId_fkey" FOREIGN KEY ("granteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_not_self" CHECK ("patientId" <> "granteeId");
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_scope_known"
  CHECK ("scope" IN ('ALL', 'conditions', 'allergies', 'medications', 'immunizations', 'lab-results', 'imaging', 'visits'));
-- A revocation has its on-chain status; a live grant has none.
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_revoke_status" CHECK (("revokedAt" IS NULL) = ("revokeStatus" IS NULL));
-- One live grant per (patient, grantee, scope), as on chain; revoked ones stay as history.
CREATE UNIQUE INDEX "Consent_live_key" ON "Consent"("patientId", "granteeId", "scope") WHERE "revokedAt" IS NULL;
