-- CreateEnum
CREATE TYPE "OnchainOpStatus" AS ENUM ('QUEUED', 'SENT', 'CONFIRMED', 'FAILED');

-- CreateTable
CREATE TABLE "DataKey" (
    "userId" UUID NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "masterKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),

    CONSTRAINT "DataKey_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Wallet" (
    "userId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "ownerAddress" TEXT NOT NULL,
    "ownerKeySealed" TEXT NOT NULL,
    "deployedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Wallet_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "OnchainOp" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sender" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "calls" JSONB NOT NULL,
    "refType" TEXT,
    "refId" TEXT,
    "nonceKey" TEXT NOT NULL,
    "status" "OnchainOpStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "userOpHash" TEXT,
    "txHash" TEXT,
    "gasUsed" BIGINT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OnchainOp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SponsorshipBudget" (
    "role" "Role" NOT NULL,
    "dailyGas" BIGINT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorshipBudget_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "SponsorshipUserBudget" (
    "userId" UUID NOT NULL,
    "dailyGas" BIGINT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorshipUserBudget_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "SponsorshipSpend" (
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "gasUsed" BIGINT NOT NULL DEFAULT 0,
    "ops" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SponsorshipSpend_pkey" PRIMARY KEY ("userId","day")
);

-- CreateIndex
CREATE INDEX "DataKey_masterKeyId_idx" ON "DataKey"("masterKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "Wallet_address_key" ON "Wallet"("address");

-- CreateIndex
CREATE UNIQUE INDEX "OnchainOp_nonceKey_key" ON "OnchainOp"("nonceKey");

-- CreateIndex
CREATE INDEX "OnchainOp_status_nextAttemptAt_idx" ON "OnchainOp"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OnchainOp_userId_createdAt_idx" ON "OnchainOp"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OnchainOp_refType_refId_idx" ON "OnchainOp"("refType", "refId");

-- CreateIndex
CREATE INDEX "SponsorshipSpend_day_idx" ON "SponsorshipSpend"("day");

-- Hand-written: what the Prisma schema cannot express.

-- Foreign keys to "User" (declared here so identity.prisma needs no back-relations).
ALTER TABLE "DataKey" ADD CONSTRAINT "DataKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Wallet" ADD CONSTRAINT "Wallet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "Wallet"("userId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SponsorshipUserBudget" ADD CONSTRAINT "SponsorshipUserBudget_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SponsorshipSpend" ADD CONSTRAINT "SponsorshipSpend_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SponsorshipBudget" ADD CONSTRAINT "SponsorshipBudget_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SponsorshipUserBudget" ADD CONSTRAINT "SponsorshipUserBudget_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Shapes: checksummed-length addresses, a uint192 nonce key in decimal, 32-byte hashes, non-negative gas.
ALTER TABLE "Wallet" ADD CONSTRAINT "Wallet_address_check" CHECK ("address" ~ '^0x[0-9a-fA-F]{40}$' AND "ownerAddress" ~ '^0x[0-9a-fA-F]{40}$');
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_sender_check" CHECK ("sender" ~ '^0x[0-9a-fA-F]{40}$');
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_nonceKey_check" CHECK ("nonceKey" ~ '^[0-9]{1,58}$');
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_hashes_check" CHECK (("userOpHash" IS NULL OR "userOpHash" ~ '^0x[0-9a-f]{64}$') AND ("txHash" IS NULL OR "txHash" ~ '^0x[0-9a-f]{64}$'));
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_calls_check" CHECK (jsonb_typeof("calls") = 'array' AND jsonb_array_length("calls") > 0);
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_attempts_check" CHECK ("attempts" >= 0);
-- A finished op has its outcome: a confirmed one its transaction, a failed one its reason.
ALTER TABLE "OnchainOp" ADD CONSTRAINT "OnchainOp_outcome_check" CHECK (
  ("status" <> 'CONFIRMED' OR ("txHash" IS NOT NULL AND "finishedAt" IS NOT NULL)) AND
  ("status" <> 'FAILED' OR ("error" IS NOT NULL AND "finishedAt" IS NOT NULL))
);
ALTER TABLE "SponsorshipBudget" ADD CONSTRAINT "SponsorshipBudget_dailyGas_check" CHECK ("dailyGas" >= 0);
ALTER TABLE "SponsorshipUserBudget" ADD CONSTRAINT "SponsorshipUserBudget_dailyGas_check" CHECK ("dailyGas" >= 0);
ALTER TABLE "SponsorshipSpend" ADD CONSTRAINT "SponsorshipSpend_gasUsed_check" CHECK ("gasUsed" >= 0 AND "ops" >= 0);

-- The worker's queue: only unfinished ops, oldest first.
CREATE INDEX "OnchainOp_unfinished_idx" ON "OnchainOp"("nextAttemptAt") WHERE "status" IN ('QUEUED', 'SENT');

-- Default daily budgets per role (gas units; a Safe's first operation is ~440k, later ones ~150-200k).
INSERT INTO "SponsorshipBudget" ("role", "dailyGas") VALUES
  ('PATIENT', 3000000), ('DOCTOR', 5000000), ('PHARMACIST', 5000000), ('ADMIN', 5000000);
