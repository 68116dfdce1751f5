-- CreateTable
CREATE TABLE "WebhookRejection" (
    "integrationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "recent" JSONB NOT NULL,

    CONSTRAINT "WebhookRejection_pkey" PRIMARY KEY ("integrationId","reason")
);

-- AddForeignKey
ALTER TABLE "WebhookRejection" ADD CONSTRAINT "WebhookRejection_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Refused deliveries were stored one row each: fold them into the aggregate, then drop them.
INSERT INTO "WebhookRejection" ("integrationId", "reason", "count", "lastAt", "recent")
SELECT "integrationId", "reason", count(*)::int, max("receivedAt"),
       jsonb_path_query_array(jsonb_agg(jsonb_build_object('at', to_char("receivedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'event', "event", 'address', NULL) ORDER BY "receivedAt" DESC), '$[0 to 4]')
FROM (
  SELECT "integrationId", "receivedAt", "event", CASE WHEN "lastError" LIKE '%JSON%' THEN 'INVALID_JSON' ELSE 'INVALID_SIGNATURE' END AS "reason"
  FROM "WebhookDelivery" WHERE "status" = 'rejected'
) AS refused
GROUP BY "integrationId", "reason";

DELETE FROM "WebhookDelivery" WHERE "status" = 'rejected';
