-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "finishColumnIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "startColumnId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "CardColumnEntry" (
    "cardId" TEXT NOT NULL,
    "columnId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CardColumnEntry_pkey" PRIMARY KEY ("cardId","columnId")
);

-- CreateIndex
CREATE INDEX "CardColumnEntry_projectId_columnId_idx" ON "CardColumnEntry"("projectId", "columnId");

-- AddForeignKey
ALTER TABLE "CardColumnEntry" ADD CONSTRAINT "CardColumnEntry_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep "CardColumnEntry" in step with the history: every CREATED event, and every MOVED event that
-- changed column (a reorder records a MOVED within its column), widens its card's entry for the
-- column it went to; deleting or re-dating such events (a re-import replaces its history, the demo
-- seed shifts its clock) recomputes the entry from what remains.
CREATE FUNCTION card_column_entry_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CardColumnEntry" ("cardId", "columnId", "projectId", "firstAt", "lastAt")
  VALUES (NEW."cardId", NEW."toColumnId", NEW."projectId", NEW.at, NEW.at)
  ON CONFLICT ("cardId", "columnId") DO UPDATE
    SET "firstAt" = LEAST("CardColumnEntry"."firstAt", EXCLUDED."firstAt"),
        "lastAt" = GREATEST("CardColumnEntry"."lastAt", EXCLUDED."lastAt");
  RETURN NULL;
END $$;

CREATE FUNCTION card_column_entry_recompute(card_id text, column_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE first_at timestamp(3); last_at timestamp(3);
BEGIN
  SELECT min(e.at), max(e.at) INTO first_at, last_at FROM "CardEvent" e
  WHERE e."cardId" = card_id AND e."toColumnId" = column_id
    AND (e.type = 'CREATED' OR (e.type = 'MOVED' AND e."fromColumnId" IS DISTINCT FROM e."toColumnId"));
  IF first_at IS NULL THEN
    DELETE FROM "CardColumnEntry" WHERE "cardId" = card_id AND "columnId" = column_id;
  ELSE
    UPDATE "CardColumnEntry" SET "firstAt" = first_at, "lastAt" = last_at WHERE "cardId" = card_id AND "columnId" = column_id;
  END IF;
END $$;

CREATE FUNCTION card_column_entry_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM card_column_entry_recompute(OLD."cardId", OLD."toColumnId");
  RETURN NULL;
END $$;

CREATE FUNCTION card_column_entry_redated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM card_column_entry_recompute(NEW."cardId", NEW."toColumnId");
  RETURN NULL;
END $$;

CREATE TRIGGER card_column_entry_added AFTER INSERT ON "CardEvent"
  FOR EACH ROW WHEN (NEW."toColumnId" IS NOT NULL AND (NEW.type = 'CREATED' OR (NEW.type = 'MOVED' AND NEW."fromColumnId" IS DISTINCT FROM NEW."toColumnId")))
  EXECUTE FUNCTION card_column_entry_added();

CREATE TRIGGER card_column_entry_removed AFTER DELETE ON "CardEvent"
  FOR EACH ROW WHEN (OLD."toColumnId" IS NOT NULL AND (OLD.type = 'CREATED' OR (OLD.type = 'MOVED' AND OLD."fromColumnId" IS DISTINCT FROM OLD."toColumnId")))
  EXECUTE FUNCTION card_column_entry_removed();

-- Events keep their card, column and type; only their time is ever changed.
CREATE TRIGGER card_column_entry_redated AFTER UPDATE OF at ON "CardEvent"
  FOR EACH ROW WHEN (NEW."toColumnId" IS NOT NULL AND (NEW.type = 'CREATED' OR (NEW.type = 'MOVED' AND NEW."fromColumnId" IS DISTINCT FROM NEW."toColumnId")))
  EXECUTE FUNCTION card_column_entry_redated();

-- The history recorded so far.
INSERT INTO "CardColumnEntry" ("cardId", "columnId", "projectId", "firstAt", "lastAt")
SELECT e."cardId", e."toColumnId", min(e."projectId"), min(e.at), max(e.at)
FROM "CardEvent" e
WHERE e."toColumnId" IS NOT NULL AND (e.type = 'CREATED' OR (e.type = 'MOVED' AND e."fromColumnId" IS DISTINCT FROM e."toColumnId"))
GROUP BY e."cardId", e."toColumnId";
