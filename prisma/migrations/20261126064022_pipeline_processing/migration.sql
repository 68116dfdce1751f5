-- AlterTable
ALTER TABLE "PipelineRun" ADD COLUMN     "statusFromJobs" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "result" JSONB;

-- CreateTable
CREATE TABLE "CardCommit" (
    "cardId" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardCommit_pkey" PRIMARY KEY ("cardId","sha")
);

-- CreateIndex
CREATE INDEX "CardCommit_projectId_sha_idx" ON "CardCommit"("projectId", "sha");

-- AddForeignKey
ALTER TABLE "CardCommit" ADD CONSTRAINT "CardCommit_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;
