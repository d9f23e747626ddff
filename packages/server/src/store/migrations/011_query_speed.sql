-- Found by the ledger benchmark (1M lines):
-- * Functions default to PARALLEL UNSAFE, and one such function anywhere in a query keeps the
--   whole query serial, even when the part that calls it never runs. These only read tables.
-- * The balance trigger's UPDATE looks a balance up by (operation, kind, account, item); a
--   primary key led by the item serves it and item filters alike, so the extra index goes.
ALTER FUNCTION admin_unit_within(uuid, uuid) PARALLEL SAFE;
ALTER FUNCTION governorate_of(uuid) PARALLEL SAFE;
ALTER FUNCTION aid_political_condition(text, uuid) PARALLEL SAFE;

ALTER TABLE stock_balances DROP CONSTRAINT stock_balances_pkey;
ALTER TABLE stock_balances ADD PRIMARY KEY (operation_id, item_id, account_kind, account_ref);
DROP INDEX stock_balances_item;
