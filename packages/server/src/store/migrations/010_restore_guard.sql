-- Only the owner may make the derived-data triggers stand aside for a restore. tansiq.restoring
-- is a setting any session can make; without this check the application role could write rows
-- that skip the changes feed or leave stock balances out of step with the ledger.
-- (audit_restoring() in 009 is the owner check; it is reused here.)

CREATE OR REPLACE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF audit_restoring() THEN
    RETURN NULL;
  END IF;
  INSERT INTO changes (resource, record_id, op)
  VALUES (TG_ARGV[0], NEW.id, CASE WHEN NEW.deleted_at IS NULL THEN 'upsert' ELSE 'delete' END);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION apply_stock_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF audit_restoring() THEN
    RETURN NULL;
  END IF;
  IF NEW.from_kind IN ('site', 'pipeline') THEN
    -- UPDATE first: an INSERT … ON CONFLICT would check its negative proposed row against the
    -- CHECK before finding the conflict. No row means no stock, and the INSERT fails the CHECK.
    UPDATE stock_balances SET quantity = quantity - NEW.quantity
    WHERE operation_id = NEW.operation_id AND account_kind = NEW.from_kind AND account_ref = NEW.from_ref
      AND item_id = NEW.item_id;
    IF NOT FOUND THEN
      INSERT INTO stock_balances (operation_id, account_kind, account_ref, item_id, quantity)
      VALUES (NEW.operation_id, NEW.from_kind, NEW.from_ref, NEW.item_id, -NEW.quantity);
    END IF;
  END IF;
  IF NEW.to_kind IN ('site', 'pipeline') THEN
    INSERT INTO stock_balances AS b (operation_id, account_kind, account_ref, item_id, quantity)
    VALUES (NEW.operation_id, NEW.to_kind, NEW.to_ref, NEW.item_id, NEW.quantity)
    ON CONFLICT (operation_id, account_kind, account_ref, item_id)
    DO UPDATE SET quantity = b.quantity + NEW.quantity;
  END IF;
  RETURN NULL;
END
$$;
