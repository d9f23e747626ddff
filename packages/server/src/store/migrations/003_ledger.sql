-- The aid pipeline: pledges, shipments (lines, donors, receipts), the stock ledger, distributions.
-- One word per stage everywhere: pledged → dispatched → received → distributed.

-- Is `unit` the admin unit `ancestor` or inside it?
CREATE FUNCTION admin_unit_within(unit uuid, ancestor uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT id, parent_id, 0 AS depth FROM admin_units WHERE id = unit
    UNION ALL
    SELECT a.id, a.parent_id, up.depth + 1 FROM admin_units a JOIN up ON a.id = up.parent_id WHERE up.depth < 5
  )
  SELECT EXISTS (SELECT 1 FROM up WHERE id = ancestor)
$$;

CREATE TABLE pledges (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  title_ar text,
  title_en text,
  source_organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  destination_organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  modality text NOT NULL CHECK (modality IN ('financial', 'in_kind')),
  amount numeric(20, 2) CHECK (amount >= 0),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  amount_usd numeric(20, 2) CHECK (amount_usd >= 0),
  item_id uuid REFERENCES items (id) DEFERRABLE INITIALLY IMMEDIATE,
  quantity numeric(20, 6) CHECK (quantity > 0),
  unit text,
  base_quantity numeric(20, 6) CHECK (base_quantity > 0),
  approximate boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pledged' CHECK (status IN ('pledged', 'committed', 'paid')),
  period_start date,
  period_end date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  place_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  place_text text,
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  CHECK (modality <> 'financial' OR (amount IS NOT NULL AND currency IS NOT NULL)),
  CHECK (modality <> 'in_kind' OR (item_id IS NOT NULL AND quantity IS NOT NULL AND base_quantity IS NOT NULL))
);
CREATE INDEX pledges_id ON pledges (id);
CREATE INDEX pledges_item ON pledges (operation_id, item_id);
CREATE INDEX pledges_search ON pledges USING gin (search);
CREATE TRIGGER pledges_changes AFTER INSERT OR UPDATE ON pledges
  FOR EACH ROW EXECUTE FUNCTION record_change('pledge');

CREATE TABLE shipments (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  reference text,
  title_ar text,
  title_en text,
  consignee_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  -- The warehouse the goods leave from, when its stock is kept in tansiq.
  origin_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  origin_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  origin_text text,
  destination_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  destination_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  -- The kinds of sites the goods are for, when no single site is known ("camps and hospitals").
  destination_site_types text[] NOT NULL DEFAULT '{}',
  destination_text text,
  mode text NOT NULL DEFAULT 'unknown'
    CHECK (mode IN ('road', 'air', 'sea', 'rail', 'cross_border', 'mixed', 'unknown')),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'approved', 'dispatched', 'in_transit',
    'held_at_crossing', 'arrived', 'received_partial', 'received', 'distributed', 'cancelled', 'returned')),
  period_start date,
  period_end date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  -- Convoy routes and timings can endanger people: restricted unless said otherwise.
  sensitivity text NOT NULL DEFAULT 'restricted'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id)
);
CREATE INDEX shipments_id ON shipments (id);
CREATE INDEX shipments_search ON shipments USING gin (search);
CREATE TRIGGER shipments_changes AFTER INSERT OR UPDATE ON shipments
  FOR EACH ROW EXECUTE FUNCTION record_change('shipment');

CREATE TABLE shipment_donors (
  operation_id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  PRIMARY KEY (operation_id, shipment_id, organization_id),
  FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
COMMENT ON TABLE shipment_donors IS 'child rows: replaced with their shipment';

CREATE TABLE shipment_lines (
  operation_id uuid NOT NULL,
  id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  position integer NOT NULL,
  item_id uuid NOT NULL REFERENCES items (id) DEFERRABLE INITIALLY IMMEDIATE,
  quantity numeric(20, 6) NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  base_quantity numeric(20, 6) NOT NULL CHECK (base_quantity > 0),
  approximate boolean NOT NULL DEFAULT false,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX shipment_lines_shipment ON shipment_lines (shipment_id);
COMMENT ON TABLE shipment_lines IS 'child rows: replaced with their shipment until it is dispatched';

-- The stock ledger. Each row is one movement with two legs (from one account, to another), so
-- every quantity that leaves an account arrives in another: double entry by construction.
-- Accounts: a site's stock, a shipment's pipeline (dispatched, not yet received), and the
-- outside world: external (donors, suppliers, consignees not tracked here), beneficiaries
-- (distributed), loss, adjustment. Only site and pipeline accounts hold balances.
CREATE TABLE stock_movements (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  -- `return`: a dispatched shipment's goods coming back out of its pipeline to where they left.
  type text NOT NULL
    CHECK (type IN ('receipt', 'dispatch', 'return', 'transfer', 'distribution', 'adjustment', 'loss')),
  item_id uuid NOT NULL REFERENCES items (id) DEFERRABLE INITIALLY IMMEDIATE,
  -- In the item's base unit; what the user typed is kept beside it.
  quantity numeric(20, 6) NOT NULL CHECK (quantity > 0),
  entered_quantity numeric(20, 6) NOT NULL CHECK (entered_quantity > 0),
  entered_unit text NOT NULL,
  from_kind text NOT NULL CHECK (from_kind IN ('site', 'pipeline', 'external', 'beneficiaries', 'loss', 'adjustment')),
  from_ref uuid,
  to_kind text NOT NULL CHECK (to_kind IN ('site', 'pipeline', 'external', 'beneficiaries', 'loss', 'adjustment')),
  to_ref uuid,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- Where it happened (the site's, shipment destination's or distribution's admin unit).
  place_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  reason text,
  reverses_id uuid,
  shipment_id uuid,
  distribution_id uuid,
  PRIMARY KEY (operation_id, id),
  UNIQUE (operation_id, reverses_id),
  FOREIGN KEY (operation_id, reverses_id) REFERENCES stock_movements (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK ((from_kind IN ('site', 'pipeline')) = (from_ref IS NOT NULL)),
  CHECK ((to_kind IN ('site', 'pipeline')) = (to_ref IS NOT NULL)),
  CHECK (from_kind <> to_kind OR from_ref IS DISTINCT FROM to_ref),
  CHECK (type <> 'adjustment' OR reason IS NOT NULL)
);
CREATE INDEX stock_movements_id ON stock_movements (id);
CREATE INDEX stock_movements_item ON stock_movements (operation_id, item_id, occurred_at);
CREATE INDEX stock_movements_shipment ON stock_movements (shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX stock_movements_distribution ON stock_movements (distribution_id) WHERE distribution_id IS NOT NULL;
CREATE TRIGGER stock_movements_immutable BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Stock on hand, derived from the ledger by the trigger below and never written by hand. The
-- CHECK is what refuses a movement that would take stock below zero, and the row lock taken by
-- the upsert is what serializes concurrent movements on the same stock.
CREATE TABLE stock_balances (
  operation_id uuid NOT NULL,
  account_kind text NOT NULL CHECK (account_kind IN ('site', 'pipeline')),
  account_ref uuid NOT NULL,
  item_id uuid NOT NULL,
  quantity numeric(20, 6) NOT NULL CONSTRAINT stock_balances_not_negative CHECK (quantity >= 0),
  PRIMARY KEY (operation_id, account_kind, account_ref, item_id)
);
CREATE INDEX stock_balances_item ON stock_balances (operation_id, item_id);

CREATE FUNCTION apply_stock_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A restore copies the balances as they were.
  IF coalesce(current_setting('tansiq.restoring', true), '') = 'on' THEN
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
CREATE TRIGGER stock_movements_balance AFTER INSERT ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION apply_stock_movement();

CREATE TABLE shipment_receipts (
  operation_id uuid NOT NULL,
  id uuid NOT NULL,
  shipment_id uuid NOT NULL,
  line_id uuid NOT NULL,
  received_on date NOT NULL,
  received_quantity numeric(20, 6) NOT NULL CHECK (received_quantity >= 0),
  discrepancy_quantity numeric(20, 6) NOT NULL DEFAULT 0 CHECK (discrepancy_quantity >= 0),
  discrepancy_reason text,
  site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, line_id) REFERENCES shipment_lines (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (received_quantity > 0 OR discrepancy_quantity > 0),
  CHECK (discrepancy_quantity = 0 OR discrepancy_reason IS NOT NULL)
);
CREATE INDEX shipment_receipts_shipment ON shipment_receipts (shipment_id);
CREATE TRIGGER shipment_receipts_immutable BEFORE UPDATE OR DELETE ON shipment_receipts
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE distributions (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  title_ar text,
  title_en text,
  organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  item_id uuid NOT NULL REFERENCES items (id) DEFERRABLE INITIALLY IMMEDIATE,
  quantity numeric(20, 6) NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  base_quantity numeric(20, 6) NOT NULL CHECK (base_quantity > 0),
  approximate boolean NOT NULL DEFAULT false,
  -- The stock it is drawn from; needed to complete it.
  from_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  shipment_id uuid,
  place_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  place_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  place_text text,
  target_site_types text[] NOT NULL DEFAULT '{}',
  place_count integer CHECK (place_count > 0),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
  period_start date,
  period_end date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  individuals integer CHECK (individuals >= 0),
  households integer CHECK (households >= 0),
  -- { "female": { "0-4": n, … }, "male": { … } }
  disaggregation jsonb,
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX distributions_id ON distributions (id);
CREATE INDEX distributions_item ON distributions (operation_id, item_id);
CREATE INDEX distributions_search ON distributions USING gin (search);
CREATE TRIGGER distributions_changes AFTER INSERT OR UPDATE ON distributions
  FOR EACH ROW EXECUTE FUNCTION record_change('distribution');

ALTER TABLE stock_movements
  ADD FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  ADD FOREIGN KEY (operation_id, distribution_id) REFERENCES distributions (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE;
