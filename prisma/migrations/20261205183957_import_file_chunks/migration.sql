-- CreateTable
CREATE TABLE "ImportFileChunk" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("runId","seq")
);

-- AddForeignKey
ALTER TABLE "ImportFileChunk" ADD CONSTRAINT "ImportFileChunk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Runs still waiting keep their file, as one piece.
INSERT INTO "ImportFileChunk" ("runId", "seq", "text") SELECT "id", 0, "file" FROM "ImportRun" WHERE "file" IS NOT NULL;

-- AlterTable
ALTER TABLE "ImportRun" DROP COLUMN "file";
