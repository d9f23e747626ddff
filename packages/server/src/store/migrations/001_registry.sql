-- The registry: operations, organizations, admin units, sites, items; the changes feed.
-- Registry tables stay small (thousands to tens of thousands of rows) so that a Citus
-- deployment can make them reference tables; large tables of later migrations carry
-- operation_id in their primary key (docs/decisions/007-scale-path.md).
-- Enumerations are text with CHECK constraints: adding a value is one reviewed ALTER, not an
-- enum type rebuild.

-- The changes feed. A sequence alone cannot be a safe cursor: a transaction that took seq 9
-- may commit after one that took seq 10. Each change records its transaction id, and readers
-- only see transactions older than every transaction still running (pg_snapshot_xmin), in
-- (xid, seq) order, so a cursor never skips a change that commits late.
CREATE TABLE changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  resource text NOT NULL,
  record_id uuid NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_xid_seq ON changes (xid, seq);

-- A restore loads the changes table as it was; it sets tansiq.restoring so the rows it copies
-- do not add changes of their own.
CREATE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('tansiq.restoring', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO changes (resource, record_id, op)
  VALUES (TG_ARGV[0], NEW.id, CASE WHEN NEW.deleted_at IS NULL THEN 'upsert' ELSE 'delete' END);
  RETURN NULL;
END
$$;

CREATE TABLE operations (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name_ar text,
  name_en text,
  country text CHECK (country ~ '^[A-Z]{2}$'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL)
);
CREATE INDEX operations_search ON operations USING gin (search);
CREATE TRIGGER operations_changes AFTER INSERT OR UPDATE ON operations
  FOR EACH ROW EXECUTE FUNCTION record_change('operation');

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name_ar text,
  name_en text,
  acronym text,
  kind text NOT NULL CHECK (kind IN ('government', 'un_agency', 'red_cross_red_crescent',
    'international_ngo', 'national_ngo', 'donor_government', 'military', 'media', 'private', 'other')),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  parent_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  external_ids jsonb NOT NULL DEFAULT '{}',
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL),
  CHECK (parent_id <> id)
);
CREATE INDEX organizations_search ON organizations USING gin (search);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_kind ON organizations (kind);
CREATE TRIGGER organizations_changes AFTER INSERT OR UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION record_change('organization');

CREATE TABLE admin_units (
  id uuid PRIMARY KEY,
  pcode text NOT NULL UNIQUE CHECK (pcode ~ '^[A-Z]{2}[0-9]{0,12}$'),
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
  parent_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  name_ar text,
  name_en text,
  valid_from date,
  valid_to date,
  centre_lat double precision CHECK (centre_lat BETWEEN -90 AND 90),
  centre_lon double precision CHECK (centre_lon BETWEEN -180 AND 180),
  -- GeoJSON geometry (Polygon or MultiPolygon) of the boundary, when one was imported.
  boundary jsonb,
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL),
  CHECK ((centre_lat IS NULL) = (centre_lon IS NULL)),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX admin_units_search ON admin_units USING gin (search);
CREATE INDEX admin_units_parent ON admin_units (parent_id);
CREATE INDEX admin_units_level ON admin_units (level);
CREATE TRIGGER admin_units_changes AFTER INSERT OR UPDATE ON admin_units
  FOR EACH ROW EXECUTE FUNCTION record_change('admin-unit');

CREATE TABLE sites (
  id uuid PRIMARY KEY,
  name_ar text,
  name_en text,
  type text NOT NULL CHECK (type IN ('refugee_camp', 'idp_camp', 'collective_shelter',
    'informal_settlement', 'health_facility', 'school', 'warehouse', 'border_crossing', 'office', 'other')),
  admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  operator_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'inactive', 'closed')),
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL),
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX sites_search ON sites USING gin (search);
CREATE INDEX sites_admin_unit ON sites (admin_unit_id);
CREATE INDEX sites_operator ON sites (operator_id);
CREATE TRIGGER sites_changes AFTER INSERT OR UPDATE ON sites
  FOR EACH ROW EXECUTE FUNCTION record_change('site');

CREATE TABLE items (
  id uuid PRIMARY KEY,
  code text UNIQUE,
  name_ar text,
  name_en text,
  category text NOT NULL CHECK (category IN ('food', 'health', 'vaccine', 'nfi', 'shelter', 'wash',
    'education', 'equipment', 'cash', 'other')),
  sector text NOT NULL CHECK (sector IN ('food_security', 'health', 'nutrition', 'shelter',
    'camp_coordination', 'wash', 'education', 'protection', 'logistics', 'emergency_telecommunications',
    'early_recovery', 'coordination', 'multi_sector')),
  base_unit text NOT NULL,
  unit_kind text NOT NULL CHECK (unit_kind IN ('count', 'mass', 'volume')),
  -- [{ "unit": "vial", "factor": 5 }]: one unit is factor base units.
  conversions jsonb NOT NULL DEFAULT '[]',
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL)
);
CREATE INDEX items_search ON items USING gin (search);
CREATE TRIGGER items_changes AFTER INSERT OR UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION record_change('item');

INSERT INTO operations (id, code, name_ar, name_en, country, search_terms)
VALUES ('00000000-0000-7000-8000-000000000001', 'syria', 'سوريا', 'Syria', 'SY', 'سوريا syria');
