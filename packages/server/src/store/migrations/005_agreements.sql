-- Agreements (memoranda, agreements, access arrangements, returns frameworks), their parties,
-- their conditions, and the conditional links from aid (pledges, shipments, distributions) to
-- those conditions. The status is the latest dated event in status_events (migration 002).

CREATE TABLE agreements (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  title_ar text,
  title_en text,
  type text NOT NULL CHECK (type IN ('mou', 'agreement', 'letter_of_agreement', 'access_arrangement',
    'returns_framework', 'other')),
  domains text[] NOT NULL CHECK (cardinality(domains) >= 1 AND domains <@ ARRAY['legal_assistance',
    'cybersecurity', 'customs', 'trade', 'education', 'health', 'returns', 'humanitarian_access',
    'other']::text[]),
  -- One record may stand for a package of instruments that a source does not name one by one
  -- ("10 agreements and memoranda").
  instrument_count integer NOT NULL DEFAULT 1 CHECK (instrument_count >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'negotiating', 'signed', 'in_force',
    'suspended', 'expired', 'terminated')),
  -- The effective period.
  period_start date,
  period_end date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  -- The meeting it came from.
  meeting_id uuid,
  note_ar text,
  note_en text,
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, meeting_id) REFERENCES meetings (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (title_ar IS NOT NULL OR title_en IS NOT NULL),
  CHECK (period_end IS NULL OR (period_start IS NOT NULL AND period_end >= period_start))
);
CREATE INDEX agreements_id ON agreements (id);
CREATE INDEX agreements_meeting ON agreements (operation_id, meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX agreements_domains ON agreements USING gin (domains);
CREATE INDEX agreements_search ON agreements USING gin (search);
CREATE TRIGGER agreements_changes AFTER INSERT OR UPDATE ON agreements
  FOR EACH ROW EXECUTE FUNCTION record_change('agreement');

-- Who is party to it, and how. Replaced wholesale with the agreement's list.
CREATE TABLE agreement_parties (
  operation_id uuid NOT NULL,
  agreement_id uuid NOT NULL,
  position integer NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  role text NOT NULL CHECK (role IN ('signatory', 'guarantor', 'witness', 'implementing')),
  PRIMARY KEY (operation_id, agreement_id, organization_id, role),
  FOREIGN KEY (operation_id, agreement_id) REFERENCES agreements (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX agreement_parties_organization ON agreement_parties (organization_id);
COMMENT ON TABLE agreement_parties IS 'child rows: replaced wholesale with their agreement''s list';

-- Conditions have their own ids because aid links to them. They are kept by id when the
-- agreement's list changes: listed ones are updated, new ones inserted, left-out ones marked
-- deleted (refused while a live link points at them), so links never dangle.
CREATE TABLE agreement_conditions (
  operation_id uuid NOT NULL,
  id uuid NOT NULL,
  agreement_id uuid NOT NULL,
  position integer NOT NULL,
  type text NOT NULL CHECK (type IN ('policy', 'performance', 'fiduciary', 'political')),
  text_ar text,
  text_en text,
  state text NOT NULL DEFAULT 'unmet' CHECK (state IN ('met', 'unmet', 'waived')),
  -- When the state was last assessed.
  state_on date,
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, agreement_id) REFERENCES agreements (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (text_ar IS NOT NULL OR text_en IS NOT NULL)
);
CREATE INDEX agreement_conditions_id ON agreement_conditions (id);
CREATE INDEX agreement_conditions_agreement ON agreement_conditions (operation_id, agreement_id);

-- A conditional link: one piece of aid (exactly one of pledge, shipment, distribution) whose
-- delivery or distribution is held back by one condition. Unlinking marks it deleted.
CREATE TABLE aid_conditions (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  condition_id uuid NOT NULL,
  pledge_id uuid,
  shipment_id uuid,
  distribution_id uuid,
  scope text NOT NULL CHECK (scope IN ('delivery', 'distribution')),
  note_ar text,
  note_en text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, condition_id) REFERENCES agreement_conditions (operation_id, id)
    DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, pledge_id) REFERENCES pledges (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, shipment_id) REFERENCES shipments (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, distribution_id) REFERENCES distributions (operation_id, id)
    DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT aid_conditions_one_aid CHECK (num_nonnulls(pledge_id, shipment_id, distribution_id) = 1)
);
CREATE INDEX aid_conditions_id ON aid_conditions (id);
CREATE INDEX aid_conditions_condition ON aid_conditions (operation_id, condition_id) WHERE deleted_at IS NULL;
CREATE INDEX aid_conditions_pledge ON aid_conditions (pledge_id) WHERE pledge_id IS NOT NULL;
CREATE INDEX aid_conditions_shipment ON aid_conditions (shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX aid_conditions_distribution ON aid_conditions (distribution_id) WHERE distribution_id IS NOT NULL;
-- The same aid is tied to the same condition once per scope.
CREATE UNIQUE INDEX aid_conditions_link_key ON aid_conditions
  (operation_id, condition_id, coalesce(pledge_id, shipment_id, distribution_id), scope) WHERE deleted_at IS NULL;
CREATE TRIGGER aid_conditions_changes AFTER INSERT OR UPDATE ON aid_conditions
  FOR EACH ROW EXECUTE FUNCTION record_change('aid-condition');

-- Live links to political conditions of live agreements. A list filter over many rows may
-- semi-join it (`t.id IN (SELECT distribution_id FROM political_aid_links)`).
CREATE VIEW political_aid_links AS
  SELECT l.operation_id, l.id, l.pledge_id, l.shipment_id, l.distribution_id, l.scope, c.agreement_id
  FROM aid_conditions l
  JOIN agreement_conditions c ON c.operation_id = l.operation_id AND c.id = l.condition_id
  JOIN agreements a ON a.operation_id = c.operation_id AND a.id = c.agreement_id
  WHERE l.deleted_at IS NULL AND c.deleted_at IS NULL AND a.deleted_at IS NULL AND c.type = 'political';

-- Is this aid ('pledge', 'shipment' or 'distribution', by id) tied by a live link to a
-- political condition of an agreement that is not deleted? Behind the neutral
-- `conditionedOnPoliticalAgreement` flag and filter of pledges, shipments and distributions.
-- One branch per kind, so that each probes its own index on aid_conditions; an unknown kind is false.
CREATE FUNCTION aid_political_condition(kind text, aid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE kind
    WHEN 'pledge' THEN EXISTS (SELECT 1 FROM political_aid_links WHERE pledge_id = aid)
    WHEN 'shipment' THEN EXISTS (SELECT 1 FROM political_aid_links WHERE shipment_id = aid)
    WHEN 'distribution' THEN EXISTS (SELECT 1 FROM political_aid_links WHERE distribution_id = aid)
    ELSE false
  END
$$;

-- What a meeting produced may be an agreement (migration 004 left this key to here).
ALTER TABLE meeting_outcomes
  ADD FOREIGN KEY (operation_id, agreement_id) REFERENCES agreements (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE;
