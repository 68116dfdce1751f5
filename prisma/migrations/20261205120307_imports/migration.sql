-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "sourceId" TEXT;

-- AlterTable
ALTER TABLE "CardEvent" ADD COLUMN     "imported" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Column" ADD COLUMN     "sourceId" TEXT;

-- AlterTable
ALTER TABLE "Sprint" ADD COLUMN     "sourceId" TEXT;

-- CreateTable
CREATE TABLE "CardComment" (
    "id" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceId" TEXT,
    "imported" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CardComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT,
    "file" TEXT,
    "mapping" JSONB,
    "preview" JSONB,
    "summary" JSONB,
    "warnings" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CardComment_cardId_at_idx" ON "CardComment"("cardId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CardComment_cardId_sourceId_key" ON "CardComment"("cardId", "sourceId");

-- CreateIndex
CREATE INDEX "ImportRun_status_createdAt_idx" ON "ImportRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRun_projectId_createdAt_idx" ON "ImportRun"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Card_projectId_sourceId_key" ON "Card"("projectId", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Column_projectId_sourceId_key" ON "Column"("projectId", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Sprint_projectId_sourceId_key" ON "Sprint"("projectId", "sourceId");

-- AddForeignKey
ALTER TABLE "CardComment" ADD CONSTRAINT "CardComment_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
