-- Concurrent moves between the same two columns in opposite directions deadlocked on PostgreSQL
-- (bench:board, 4 and 8 clients): each upserted its "to" row, then its "from" row, so two
-- transactions took the same two "ColumnDayFlow" rows in opposite orders. Both rows are now
-- written by one statement in column-id order, so every transaction locks them in the same order.
CREATE OR REPLACE FUNCTION column_day_flow_apply(project_id text, from_id text, to_id text, moved_at timestamp(3), sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE local_day date;
BEGIN
  SELECT ((moved_at AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date INTO local_day FROM "Project" p WHERE p.id = project_id;
  IF local_day IS NULL THEN RETURN; END IF; -- the project is being deleted
  INSERT INTO "ColumnDayFlow" ("projectId", day, "columnId", delta)
  SELECT project_id, local_day, side.column_id, sum(side.delta)::int
  FROM (VALUES (to_id, sign), (from_id, -sign)) AS side(column_id, delta)
  WHERE side.column_id IS NOT NULL
  GROUP BY side.column_id
  ORDER BY side.column_id
  ON CONFLICT ("projectId", day, "columnId") DO UPDATE SET delta = "ColumnDayFlow".delta + EXCLUDED.delta;
END $$;
