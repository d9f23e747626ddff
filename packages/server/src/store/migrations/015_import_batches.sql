-- Imports (issue 7): each file imported into a resource is one batch, recorded with the file's
-- SHA-256 and what it did, in the same transaction as its records. A file imported twice leaves
-- two batches, the second 'unchanged': the log says it was tried, the records say nothing moved.
--
-- Batches are the importer's business: readable by the hub and by the organization that imported
-- them, written by whoever may import (the records themselves are checked by their own rules).
CREATE TABLE import_batches (
  id uuid PRIMARY KEY,
  resource text NOT NULL,
  file_name text,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('applied', 'unchanged')),
  rows integer NOT NULL CHECK (rows >= 0),
  created integer NOT NULL CHECK (created >= 0),
  updated integer NOT NULL CHECK (updated >= 0),
  unchanged integer NOT NULL CHECK (unchanged >= 0),
  actor text NOT NULL DEFAULT coalesce(nullif(current_setting('tansiq.actor', true), ''), 'system'),
  organization_id uuid DEFAULT access_org(),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batches_at ON import_batches (at DESC, id DESC);
CREATE INDEX import_batches_sha ON import_batches (file_sha256);

SELECT audit_table('import_batches');

ALTER TABLE import_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_read ON import_batches FOR SELECT
  USING (access_is_hub() OR (access_signed_in() AND organization_id = access_org()));
CREATE POLICY access_insert ON import_batches FOR INSERT
  WITH CHECK (access_is_hub() OR (access_signed_in() AND organization_id = access_org()));
