-- CreateTable
CREATE TABLE "SponsoredOperation" (
    "userOpHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "gasUsed" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsoredOperation_pkey" PRIMARY KEY ("userOpHash")
);

-- CreateIndex
CREATE INDEX "SponsoredOperation_userId_at_idx" ON "SponsoredOperation"("userId", "at");


-- Hand-written: what the Prisma schema cannot express.
ALTER TABLE "SponsoredOperation" ADD CONSTRAINT "SponsoredOperation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SponsoredOperation" ADD CONSTRAINT "SponsoredOperation_hashes_check" CHECK ("userOpHash" ~ '^0x[0-9a-f]{64}$' AND "txHash" ~ '^0x[0-9a-f]{64}$' AND "gasUsed" >= 0);
