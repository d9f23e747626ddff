-- The changes feed orders by transaction id. On the embedded PostgreSQL 18 a sort on the xid8
-- column put later transactions before earlier ones (seen in the test suite under load), so the
-- feed keeps the transaction id as a plain bigint, whose order nothing can get wrong.
ALTER TABLE changes ADD COLUMN tx bigint;
UPDATE changes SET tx = xid::text::bigint;
ALTER TABLE changes ALTER COLUMN tx SET NOT NULL,
  ALTER COLUMN tx SET DEFAULT (pg_current_xact_id()::text)::bigint;
DROP INDEX changes_xid_seq;
ALTER TABLE changes DROP COLUMN xid;
CREATE INDEX changes_tx_seq ON changes (tx, seq);
