-- Shared pieces of the coordination record (meetings, agreements, the aid pipeline, returns).
--
-- Conventions for operation-scoped tables (docs/decisions/007-scale-path.md):
--   operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
--   PRIMARY KEY (operation_id, id), a plain index on (id) for lookups by id, and foreign keys
--   between such tables that include operation_id.

-- Rows that are facts once written (ledger lines, status events, audit) are never updated or
-- deleted, whoever asks: corrections are new rows.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are immutable: record a correcting entry instead', TG_TABLE_NAME
    USING ERRCODE = 'P0001', HINT = 'immutable';
END
$$;

-- Status as dated events, for every resource that has one. The record's own status column is
-- the latest event's (by occurred_on, then recorded_at).
CREATE TABLE status_events (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  resource text NOT NULL,
  record_id uuid NOT NULL,
  status text NOT NULL,
  occurred_on date NOT NULL,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  note_ar text,
  note_en text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, id)
);
CREATE INDEX status_events_record ON status_events (record_id, occurred_on, recorded_at);
CREATE TRIGGER status_events_immutable BEFORE UPDATE OR DELETE ON status_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The governorate (level 1) an admin unit lies in; itself for a governorate, null for a country.
CREATE FUNCTION governorate_of(unit uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT id, parent_id, level FROM admin_units WHERE id = unit
    UNION ALL
    SELECT a.id, a.parent_id, a.level FROM admin_units a JOIN up ON a.id = up.parent_id WHERE up.level > 1
  )
  SELECT id FROM up WHERE level = 1
$$;
