-- The audit seal (009) ran once per pending entry at commit: every run after the first found its
-- transaction's entries already moved and returned, but a transaction of a million writes (an
-- import) queued a million deferred events, each a lookup in a table larger than memory (one such
-- commit, on PostgreSQL 18 with 128 MB of shared buffers, had not ended after 35 minutes). Now only
-- a transaction's first entry queues the seal: a constraint trigger's WHEN is evaluated when the
-- row is written, and a row it rejects queues nothing. The seal itself is unchanged.

ALTER TABLE audit_pending ADD COLUMN seals boolean NOT NULL DEFAULT false;
CREATE INDEX audit_pending_seals ON audit_pending (txid) WHERE seals;

-- Whether this transaction has queued its seal. A query rather than a session setting: an entry
-- written in a subtransaction that rolls back takes its seal with it, and the next entry queues one.
CREATE FUNCTION audit_sealing() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM audit_pending WHERE txid = pg_current_xact_id() AND seals)
$$;
REVOKE EXECUTE ON FUNCTION audit_sealing() FROM PUBLIC;

DROP TRIGGER audit_pending_seal ON audit_pending;
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.seals) EXECUTE FUNCTION audit_seal();

CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  record_column text := coalesce(TG_ARGV[0], 'id');
  parent_table text := TG_ARGV[1];
  keep text[];
  old_values jsonb;
  new_values jsonb;
  entry_record uuid;
  parent_sensitivity text;
  hash_key text;
BEGIN
  IF current_setting('tansiq.restoring', true) = 'on' AND audit_restoring() THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_values := to_jsonb(OLD) - 'search' - 'search_terms';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_values := to_jsonb(NEW) - 'search' - 'search_terms';
  END IF;
  IF TG_OP = 'UPDATE' AND old_values = new_values THEN
    RETURN NULL;
  END IF;
  entry_record := coalesce(new_values, old_values) ->> record_column;

  IF parent_table IS NOT NULL AND entry_record IS NOT NULL THEN
    IF parent_table = 'resource' THEN
      parent_table := replace(coalesce(new_values, old_values) ->> 'resource', '-', '_') || 's';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(quote_ident(parent_table))
               AND attname = 'sensitivity' AND NOT attisdropped) THEN
      EXECUTE format('SELECT sensitivity FROM %I WHERE id = $1 LIMIT 1', parent_table)
        INTO parent_sensitivity USING entry_record;
    END IF;
  END IF;
  keep := ARRAY['id', 'operation_id', 'sensitivity', 'created_at', 'updated_at', 'deleted_at', record_column];
  IF old_values IS NOT NULL AND (old_values ? 'content' OR old_values ? 'minhash'
      OR coalesce(parent_sensitivity, old_values ->> 'sensitivity') IN ('confidential', 'secret')) THEN
    hash_key := (SELECT key FROM audit_key);
    old_values := audit_redact(old_values,
      coalesce(parent_sensitivity, old_values ->> 'sensitivity') IN ('confidential', 'secret'), keep, hash_key);
  END IF;
  IF new_values IS NOT NULL AND (new_values ? 'content' OR new_values ? 'minhash'
      OR coalesce(parent_sensitivity, new_values ->> 'sensitivity') IN ('confidential', 'secret')) THEN
    hash_key := coalesce(hash_key, (SELECT key FROM audit_key));
    new_values := audit_redact(new_values,
      coalesce(parent_sensitivity, new_values ->> 'sensitivity') IN ('confidential', 'secret'), keep, hash_key);
  END IF;

  INSERT INTO audit_pending (at, actor, operation, table_name, record_id, before, after, seals)
  VALUES (now(), coalesce(nullif(current_setting('tansiq.actor', true), ''), 'system'), lower(TG_OP),
          TG_TABLE_NAME, entry_record, old_values, new_values, NOT audit_sealing());
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION audit_read(target_table text, record_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO audit_pending (at, actor, operation, table_name, record_id, before, after, seals)
  SELECT now(), coalesce(nullif(current_setting('tansiq.actor', true), ''), 'system'), 'read', target_table, r.id,
         NULL, NULL, r.n = 1 AND NOT audit_sealing()
  FROM unnest(record_ids) WITH ORDINALITY AS r(id, n)
$$;
