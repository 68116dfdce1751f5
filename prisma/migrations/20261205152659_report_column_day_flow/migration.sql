-- CreateTable
CREATE TABLE "ColumnDayFlow" (
    "projectId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "columnId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "ColumnDayFlow_pkey" PRIMARY KEY ("projectId","day","columnId")
);

-- AddForeignKey
ALTER TABLE "ColumnDayFlow" ADD CONSTRAINT "ColumnDayFlow_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep "ColumnDayFlow" in step with the history (the same events as "CardColumnEntry": CREATED, and
-- MOVED between two columns), on the calendar days of the project's time zone.
CREATE FUNCTION column_day_flow_apply(project_id text, from_id text, to_id text, moved_at timestamp(3), sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE local_day date;
BEGIN
  SELECT ((moved_at AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date INTO local_day FROM "Project" p WHERE p.id = project_id;
  IF local_day IS NULL THEN RETURN; END IF; -- the project is being deleted
  IF to_id IS NOT NULL THEN
    INSERT INTO "ColumnDayFlow" ("projectId", day, "columnId", delta) VALUES (project_id, local_day, to_id, sign)
    ON CONFLICT ("projectId", day, "columnId") DO UPDATE SET delta = "ColumnDayFlow".delta + EXCLUDED.delta;
  END IF;
  IF from_id IS NOT NULL THEN
    INSERT INTO "ColumnDayFlow" ("projectId", day, "columnId", delta) VALUES (project_id, local_day, from_id, -sign)
    ON CONFLICT ("projectId", day, "columnId") DO UPDATE SET delta = "ColumnDayFlow".delta + EXCLUDED.delta;
  END IF;
END $$;

CREATE FUNCTION column_day_flow_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM column_day_flow_apply(OLD."projectId", OLD."fromColumnId", OLD."toColumnId", OLD.at, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM column_day_flow_apply(NEW."projectId", NEW."fromColumnId", NEW."toColumnId", NEW.at, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER column_day_flow_added AFTER INSERT ON "CardEvent"
  FOR EACH ROW WHEN (NEW.type = 'CREATED' OR (NEW.type = 'MOVED' AND NEW."fromColumnId" IS DISTINCT FROM NEW."toColumnId"))
  EXECUTE FUNCTION column_day_flow_event();

CREATE TRIGGER column_day_flow_removed AFTER DELETE ON "CardEvent"
  FOR EACH ROW WHEN (OLD.type = 'CREATED' OR (OLD.type = 'MOVED' AND OLD."fromColumnId" IS DISTINCT FROM OLD."toColumnId"))
  EXECUTE FUNCTION column_day_flow_event();

-- Events keep their card, columns and type; only their time is ever changed (the demo seed's clock).
CREATE TRIGGER column_day_flow_redated AFTER UPDATE OF at ON "CardEvent"
  FOR EACH ROW WHEN (NEW.type = 'CREATED' OR (NEW.type = 'MOVED' AND NEW."fromColumnId" IS DISTINCT FROM NEW."toColumnId"))
  EXECUTE FUNCTION column_day_flow_event();

CREATE FUNCTION column_day_flow_rebuild(project_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ColumnDayFlow" WHERE "projectId" = project_id;
  INSERT INTO "ColumnDayFlow" ("projectId", day, "columnId", delta)
  SELECT project_id, moves.day, moves."columnId", sum(moves.delta)::int
  FROM (
    SELECT ((e.at AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date AS day, side."columnId", side.delta
    FROM "CardEvent" e JOIN "Project" p ON p.id = e."projectId"
    CROSS JOIN LATERAL (VALUES (e."toColumnId", 1), (e."fromColumnId", -1)) AS side("columnId", delta)
    WHERE e."projectId" = project_id AND side."columnId" IS NOT NULL
      AND (e.type = 'CREATED' OR (e.type = 'MOVED' AND e."fromColumnId" IS DISTINCT FROM e."toColumnId"))
  ) moves
  GROUP BY moves.day, moves."columnId";
END $$;

CREATE FUNCTION column_day_flow_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM column_day_flow_rebuild(NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER column_day_flow_zone_changed AFTER UPDATE OF "timeZone" ON "Project"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION column_day_flow_zone_changed();

-- The history recorded so far.
SELECT column_day_flow_rebuild(p.id) FROM "Project" p;
