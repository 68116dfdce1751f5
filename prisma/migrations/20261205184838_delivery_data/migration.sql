-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "commits" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tier" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "productionEnvironments" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Commit" (
    "projectId" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "authoredAt" TIMESTAMP(3),
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "Commit_pkey" PRIMARY KEY ("projectId","sha")
);

-- CreateTable
CREATE TABLE "Push" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "shas" TEXT[],
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Push_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "deploymentSha" TEXT,
    "cardKey" TEXT,
    "url" TEXT,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Push_projectId_at_idx" ON "Push"("projectId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Push_integrationId_ref_after_key" ON "Push"("integrationId", "ref", "after");

-- CreateIndex
CREATE INDEX "Incident_projectId_openedAt_idx" ON "Incident"("projectId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_integrationId_externalId_key" ON "Incident"("integrationId", "externalId");

-- AddForeignKey
ALTER TABLE "Commit" ADD CONSTRAINT "Commit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Push" ADD CONSTRAINT "Push_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Push" ADD CONSTRAINT "Push_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
