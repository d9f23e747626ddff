-- The audit log: every write to a table that holds records, with who, when, what, before and
-- after, in one hash chain. Written only by the triggers below, which run as the owner role
-- (SECURITY DEFINER): the application's role may read the log and never writes it.
--
-- A new table that holds records gets the audit trigger in its own migration:
--   SELECT audit_table('new_table');                           -- rows identified by their id
--   SELECT audit_table('child_table', 'parent_id', 'parents'); -- child rows: the parent's id,
--                                                               -- hashed when the parent is sensitive
-- or, when it only holds what can be derived again from audited tables:
--   COMMENT ON TABLE new_table IS 'not audited: derived from …';
-- (verify-audit.test.ts fails for a table that has neither.)
--
-- The chain: entry n holds prev_hash = hash of entry n-1 (64 zeros for the first) and
-- hash = sha256(prev_hash || audit_entry_text(entry n)), hex. A row trigger notes each write in
-- audit_pending; when the transaction commits, a deferred trigger takes the row lock on
-- audit_head and appends the transaction's entries to the chain. Appends are serialized, but
-- only for the moment of committing: writers do not wait for each other's whole transactions,
-- and whoever holds the lock waits for nobody. seq is gapless, in commit order (assigned under
-- the lock, not by a sequence, whose numbers a rolled-back transaction would skip). audit_head
-- is the checkpoint outside the log, the latest seq and hash: removing the newest entries is
-- detected too, and the chain goes on from the checkpoint, not from what is left.
--
-- Values: secret and confidential rows (by their own sensitivity, or their parent's for child
-- rows) keep their keys, but each value becomes 'sha256:' || hex(sha256(key || value as JSON
-- text)), the key being a random secret in audit_key that the application cannot read (a plain
-- sha256 of a latitude could be reversed by trying every latitude). `content` and `minhash` are
-- always hashed that way; the generated `search` and the derived `search_terms` are left out.
--
-- Who: current_setting('tansiq.actor', true), which the application sets per transaction with
-- set_config('tansiq.actor', …, true); 'system' when unset.

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  table_name text NOT NULL,
  -- The record the row belongs to: its own id, or its parent's for child rows.
  record_id uuid,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);
CREATE INDEX audit_log_at ON audit_log USING brin (at);
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The checkpoint: one row, moved only by the audit triggers.
CREATE TABLE audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (seq, hash) VALUES (0, repeat('0', 64));

-- The key of the value hashes. Only the owner reads it; backups carry it, so a restored
-- database hashes equal values equally.
CREATE TABLE audit_key (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  key text NOT NULL
);
INSERT INTO audit_key (key)
SELECT encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text,
  'UTF8')), 'hex');

-- Writes of transactions still running; each commit moves its own into the log. Unlogged: a
-- crash loses only entries of transactions that never committed.
CREATE UNLOGGED TABLE audit_pending (
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  n bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  operation text NOT NULL,
  table_name text NOT NULL,
  record_id uuid,
  before jsonb,
  after jsonb,
  PRIMARY KEY (txid, n)
);

-- A restore copies the log, its checkpoint and every table as they were (restore-database.ts
-- sets tansiq.restoring), and only the owner may restore: a setting any session can make must
-- not switch the log off for the application's role.
CREATE FUNCTION audit_restoring() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('tansiq.restoring', true), '') = 'on'
     AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')
$$;

-- The canonical text of an entry, which its hash covers. verify-audit (store/audit.ts) computes
-- the same text in its own query: keep the two identical.
CREATE FUNCTION audit_entry_text(seq bigint, at timestamptz, actor text, operation text, table_name text,
                                 record_id uuid, before jsonb, after jsonb) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, operation,
                           table_name, record_id, before, after)::text
$$;

-- A row's values as the log keeps them (see the top of this file).
CREATE FUNCTION audit_redact(row_values jsonb, sensitive boolean, keep text[], hash_key text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(e.key, CASE
           WHEN e.value = 'null'::jsonb THEN e.value
           WHEN e.key IN ('content', 'minhash') OR (sensitive AND e.key <> ALL (keep))
             THEN to_jsonb('sha256:' || encode(sha256(convert_to(hash_key || e.value::text, 'UTF8')), 'hex'))
           ELSE e.value
         END), '{}'::jsonb)
  FROM jsonb_each(row_values) AS e
$$;

-- TG_ARGV[0]: the column holding the record's id ('id' by default); TG_ARGV[1]: the parent
-- table whose sensitivity child rows take, or 'resource' for status_events (the table of the
-- row's resource).
CREATE FUNCTION audit_row() RETURNS trigger
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

  INSERT INTO audit_pending (at, actor, operation, table_name, record_id, before, after)
  VALUES (now(), coalesce(nullif(current_setting('tansiq.actor', true), ''), 'system'), lower(TG_OP),
          TG_TABLE_NAME, entry_record, old_values, new_values);
  RETURN NULL;
END
$$;

-- At commit (deferred, once per pending row; the first does the work, the others find their row
-- gone): the transaction's entries join the chain, in the order they were written, and the
-- checkpoint moves to the last.
-- In READ COMMITTED the lock waits for the committer before; a REPEATABLE READ or SERIALIZABLE
-- transaction that another writer committed after fails with a serialization error (retry).
CREATE FUNCTION audit_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  entry record;
  head_seq bigint;
  head_hash text;
  next_hash text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE txid = NEW.txid AND n = NEW.n) THEN
    RETURN NULL;
  END IF;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head FOR UPDATE;
  FOR entry IN SELECT * FROM audit_pending WHERE txid = NEW.txid ORDER BY n LOOP
    head_seq := head_seq + 1;
    next_hash := encode(sha256(convert_to(head_hash || audit_entry_text(head_seq, entry.at, entry.actor,
      entry.operation, entry.table_name, entry.record_id, entry.before, entry.after), 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor, operation, table_name, record_id, before, after, prev_hash, hash)
    VALUES (head_seq, entry.at, entry.actor, entry.operation, entry.table_name, entry.record_id, entry.before,
            entry.after, head_hash, next_hash);
    head_hash := next_hash;
  END LOOP;
  DELETE FROM audit_pending WHERE txid = NEW.txid;
  UPDATE audit_head SET seq = head_seq, hash = head_hash;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal();

-- The checkpoint moves only from inside the audit triggers, and the log is emptied only by a
-- restore. The owner can still disable these (ALTER TABLE … DISABLE TRIGGER): `tansiq audit
-- verify` is what finds what was done then.
CREATE FUNCTION audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND audit_restoring() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% of % is refused: the audit log and its checkpoint are written by the audit triggers only',
    TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001', HINT = 'immutable';
END
$$;
CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_guard();
CREATE TRIGGER audit_head_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_guard();
CREATE TRIGGER audit_log_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_guard();

-- Puts a table under audit: one entry per row written.
CREATE FUNCTION audit_table(target regclass, record_column text DEFAULT 'id', parent_table text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION %s',
    (SELECT relname FROM pg_class WHERE oid = target) || '_audit', target,
    CASE WHEN parent_table IS NULL THEN format('audit_row(%L)', record_column)
         ELSE format('audit_row(%L, %L)', record_column, parent_table) END);
END
$$;

-- Nobody calls these but the triggers (a trigger's function is not checked for EXECUTE when it
-- fires); audit_redact and audit_row would otherwise be an oracle for the value hashes.
REVOKE EXECUTE ON FUNCTION audit_row(), audit_seal(), audit_guard(),
  audit_table(regclass, text, text), audit_redact(jsonb, boolean, text[], text) FROM PUBLIC;

-- Every table that holds records (grantApplicationRole in store/migrate.ts takes INSERT,
-- UPDATE and DELETE on audit_log and audit_head, and everything on audit_key and audit_pending,
-- from the application's role).
-- 001 registry
SELECT audit_table('operations');
SELECT audit_table('organizations');
SELECT audit_table('admin_units');
SELECT audit_table('sites');
SELECT audit_table('items');
-- 002 coordination base
SELECT audit_table('status_events', 'record_id', 'resource');
-- 003 ledger
SELECT audit_table('pledges');
SELECT audit_table('shipments');
SELECT audit_table('shipment_donors', 'shipment_id', 'shipments');
SELECT audit_table('shipment_lines', 'shipment_id', 'shipments');
SELECT audit_table('shipment_receipts', 'shipment_id', 'shipments');
SELECT audit_table('stock_movements');
SELECT audit_table('distributions');
-- 004 meetings
SELECT audit_table('meetings');
SELECT audit_table('meeting_participants', 'meeting_id', 'meetings');
SELECT audit_table('meeting_outcomes', 'meeting_id', 'meetings');
-- 005 agreements
SELECT audit_table('agreements');
SELECT audit_table('agreement_parties', 'agreement_id', 'agreements');
SELECT audit_table('agreement_conditions', 'agreement_id', 'agreements');
SELECT audit_table('aid_conditions');
-- 006 population movements
SELECT audit_table('population_movements');
-- 007 evidence
SELECT audit_table('persons');
SELECT audit_table('sources');
SELECT audit_table('source_similarities', 'source_id', 'sources');
SELECT audit_table('claims');
SELECT audit_table('claim_verifications', 'claim_id', 'claims');
SELECT audit_table('claim_contradictions', 'claim_id', 'claims');

COMMENT ON TABLE changes IS 'not audited: the changes feed, written by triggers on audited tables';
COMMENT ON TABLE stock_balances IS 'not audited: derived from stock_movements by their trigger';
COMMENT ON TABLE source_bands IS 'not audited: derived from sources.minhash';
COMMENT ON TABLE audit_log IS 'not audited: the audit log itself';
COMMENT ON TABLE audit_head IS 'not audited: the audit log''s checkpoint';
COMMENT ON TABLE audit_pending IS 'not audited: the audit log''s entries of running transactions';
COMMENT ON TABLE audit_key IS 'not audited: the key of the audit log''s value hashes';
