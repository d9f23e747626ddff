-- Returns: reported figures of people moving from a country or an admin unit to an admin unit.
-- One row is one figure as one organization counted it, for one population group and one
-- reference period. Figures of different counting methods are never added by the database:
-- the returns report keeps them apart unless asked (services/report-returns.ts).

-- The number of people a sex-and-age breakdown adds up to:
-- { "female": { "0-4": n, "5-11": n, "12-17": n, "18-59": n, "60+": n }, "male": { … } }.
CREATE FUNCTION population_movements_sex_age_total(breakdown jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(sum(count::bigint), 0)
  FROM jsonb_each(coalesce(breakdown, '{}'::jsonb)) AS sex(key, brackets),
       jsonb_each_text(CASE WHEN jsonb_typeof(brackets) = 'object' THEN brackets ELSE '{}'::jsonb END)
         AS bracket(key, count)
$$;

CREATE TABLE population_movements (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  -- The origin: a country (the level-0 unit of its ISO alpha-2 p-code) or an admin unit, at most
  -- one; neither when unknown. The text as reported either way.
  origin_country_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  origin_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  origin_text text,
  destination_admin_unit_id uuid NOT NULL REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  destination_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  destination_text text,
  -- UNHCR population types (core/schemas/population-movements.ts).
  population_group text NOT NULL CHECK (population_group IN ('REF', 'IDP', 'RET', 'RDP', 'ASY', 'STA', 'OTH')),
  period_start date NOT NULL,
  period_end date,
  period_precision text NOT NULL DEFAULT 'day' CHECK (period_precision IN ('day', 'month', 'year')),
  individuals integer CHECK (individuals >= 0),
  households integer CHECK (households >= 0),
  disaggregation jsonb CHECK (disaggregation IS NULL OR jsonb_typeof(disaggregation) = 'object'),
  movement_type text NOT NULL DEFAULT 'unknown'
    CHECK (movement_type IN ('spontaneous', 'organised', 'facilitated', 'forced', 'unknown')),
  counting_method text NOT NULL
    CHECK (counting_method IN ('registration', 'border_monitoring', 'key_informant', 'survey', 'estimate')),
  reporting_organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  note_ar text,
  note_en text,
  -- Returnee figures can put people at risk: restricted unless said otherwise.
  sensitivity text NOT NULL DEFAULT 'restricted'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  CONSTRAINT population_movements_one_origin CHECK (origin_country_id IS NULL OR origin_admin_unit_id IS NULL),
  CONSTRAINT population_movements_count_given CHECK (individuals IS NOT NULL OR households IS NOT NULL),
  CONSTRAINT population_movements_period_order CHECK (period_end IS NULL OR period_end >= period_start),
  CONSTRAINT population_movements_breakdown_within CHECK (
    disaggregation IS NULL
    OR (individuals IS NOT NULL AND population_movements_sex_age_total(disaggregation) <= individuals))
);
CREATE INDEX population_movements_id ON population_movements (id);
CREATE INDEX population_movements_search ON population_movements USING gin (search);
-- What lists and the returns report filter on: destination (the governorate filter groups by
-- destination unit first), period start, population group and method, reporting organization.
CREATE INDEX population_movements_destination ON population_movements (destination_admin_unit_id, period_start);
CREATE INDEX population_movements_period ON population_movements (period_start);
CREATE INDEX population_movements_group_period ON population_movements (population_group, period_start);
CREATE INDEX population_movements_method ON population_movements (counting_method);
CREATE INDEX population_movements_reporter ON population_movements (reporting_organization_id);
CREATE INDEX population_movements_origin_unit ON population_movements (origin_admin_unit_id);
CREATE INDEX population_movements_origin_country ON population_movements (origin_country_id);
CREATE INDEX population_movements_site ON population_movements (destination_site_id);
CREATE TRIGGER population_movements_changes AFTER INSERT OR UPDATE ON population_movements
  FOR EACH ROW EXECUTE FUNCTION record_change('population-movement');
