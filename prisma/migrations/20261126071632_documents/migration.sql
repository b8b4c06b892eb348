-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('EXAM_REPORT', 'LAB_RESULT', 'IMAGE', 'OTHER');

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "titleCipher" TEXT NOT NULL,
    "fileNameCipher" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "metadataCipher" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_patientId_createdAt_idx" ON "Document"("patientId", "createdAt");



-- Hand-written: what Prisma's schema cannot express.

ALTER TABLE "Document" ADD CONSTRAINT "Document_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_size_positive" CHECK ("sizeBytes" > 0);
ALTER TABLE "Document" ADD CONSTRAINT "Document_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Document" ADD CONSTRAINT "Document_media_type_allowed" CHECK ("mediaType" IN ('application/pdf', 'image/png', 'image/jpeg', 'application/dicom'));
