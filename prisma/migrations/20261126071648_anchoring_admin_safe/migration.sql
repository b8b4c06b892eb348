-- CreateEnum
CREATE TYPE "AdminProposalStatus" AS ENUM ('PENDING', 'EXECUTED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "AuditBatch" (
    "id" UUID NOT NULL,
    "chainId" INTEGER NOT NULL,
    "contract" TEXT NOT NULL,
    "batch" BIGINT NOT NULL,
    "firstSeq" BIGINT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "root" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "gasUsed" BIGINT,
    "anchoredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminProposal" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "safeAddress" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "nonce" BIGINT NOT NULL,
    "safeTxHash" TEXT NOT NULL,
    "proposedById" UUID NOT NULL,
    "status" "AdminProposalStatus" NOT NULL DEFAULT 'PENDING',
    "txHash" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AdminProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminProposalSignature" (
    "proposalId" UUID NOT NULL,
    "signerId" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminProposalSignature_pkey" PRIMARY KEY ("proposalId","signerId")
);

-- CreateTable
CREATE TABLE "AdminSafeOwner" (
    "userId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "keyCipher" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminSafeOwner_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "AuditBatch_chainId_contract_lastSeq_idx" ON "AuditBatch"("chainId", "contract", "lastSeq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditBatch_chainId_contract_batch_key" ON "AuditBatch"("chainId", "contract", "batch");

-- CreateIndex
CREATE UNIQUE INDEX "AuditBatch_chainId_contract_firstSeq_key" ON "AuditBatch"("chainId", "contract", "firstSeq");

-- CreateIndex
CREATE INDEX "AdminProposal_createdAt_idx" ON "AdminProposal"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AdminProposalSignature_proposalId_owner_key" ON "AdminProposalSignature"("proposalId", "owner");

-- CreateIndex
CREATE UNIQUE INDEX "AdminSafeOwner_address_key" ON "AdminSafeOwner"("address");

-- AddForeignKey
ALTER TABLE "AdminProposalSignature" ADD CONSTRAINT "AdminProposalSignature_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "AdminProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: what Prisma's schema cannot express.

ALTER TABLE "AuditBatch" ADD CONSTRAINT "AuditBatch_range" CHECK ("firstSeq" >= 1 AND "lastSeq" >= "firstSeq" AND "eventCount" = "lastSeq" - "firstSeq" + 1);
ALTER TABLE "AdminProposal" ADD CONSTRAINT "AdminProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AdminProposalSignature" ADD CONSTRAINT "AdminProposalSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AdminSafeOwner" ADD CONSTRAINT "AdminSafeOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AdminProposal" ADD CONSTRAINT "AdminProposal_decided" CHECK (("status" = 'PENDING') = ("decidedAt" IS NULL));
-- The Safe executes in nonce order: one open proposal per Safe at a time, so two admins racing to propose get one winner.
CREATE UNIQUE INDEX "AdminProposal_one_open" ON "AdminProposal"("chainId", "safeAddress") WHERE "status" = 'PENDING';
