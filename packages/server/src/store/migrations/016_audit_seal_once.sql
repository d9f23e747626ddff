-- The audit seal (009) ran once per pending entry at commit: every run after the first found its
-- transaction's entries already moved and returned, but a transaction of a million writes (an
-- import) queued a million deferred events, each a lookup in a table larger than memory (one such
-- commit, on PostgreSQL 18 with 128 MB of shared buffers, had not ended after 35 minutes). Now only
-- a transaction's first entry queues the seal: a constraint trigger's WHEN is evaluated when the
-- row is written, and a row it rejects queues nothing. The seal itself is unchanged.

ALTER TABLE audit_pending ADD COLUMN seals boolean NOT NULL DEFAULT false;
CREATE INDEX audit_pending_seals ON audit_pending (txid) WHERE seals;

-- Marks a transaction's first pending entry, whoever writes it (audit_row, audit_read). A query
-- rather than a session setting: an entry written in a subtransaction that rolls back takes its
-- mark with it, and the next entry is marked instead. A row trigger sees the rows its own
-- statement wrote before, so a statement writing many entries marks one.
CREATE FUNCTION audit_mark_seal() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.seals := NOT EXISTS (SELECT 1 FROM audit_pending WHERE txid = NEW.txid AND seals);
  RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION audit_mark_seal() FROM PUBLIC;
CREATE TRIGGER audit_pending_mark BEFORE INSERT ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION audit_mark_seal();

DROP TRIGGER audit_pending_seal ON audit_pending;
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.seals) EXECUTE FUNCTION audit_seal();
