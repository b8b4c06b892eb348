-- AlterTable
ALTER TABLE "OnchainOp" ADD COLUMN     "sentBlock" BIGINT,
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "OnchainOp_seq_key" ON "OnchainOp"("seq");

