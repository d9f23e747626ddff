-- Meetings: conferences, coordination meetings, bilaterals, pledging conferences, negotiation
-- rounds; who convened them, who attended, observed, declined, boycotted or walked out, and
-- what they produced. The status is the latest dated event in status_events (migration 002).

CREATE TABLE meetings (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('conference', 'coordination_meeting', 'bilateral',
    'pledging_conference', 'negotiation_round', 'other')),
  title_ar text,
  title_en text,
  start_date date NOT NULL,
  end_date date,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  -- The place as reported, next to the admin unit or site it was matched to.
  place_admin_unit_id uuid REFERENCES admin_units (id) DEFERRABLE INITIALLY IMMEDIATE,
  place_site_id uuid REFERENCES sites (id) DEFERRABLE INITIALLY IMMEDIATE,
  place_text text,
  virtual boolean NOT NULL DEFAULT false,
  -- The latest event's status; null until the first event.
  status text CHECK (status IN ('announced', 'scheduled', 'held', 'postponed', 'cancelled')),
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  note_ar text,
  note_en text,
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  CHECK (title_ar IS NOT NULL OR title_en IS NOT NULL),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX meetings_id ON meetings (id);
CREATE INDEX meetings_start ON meetings (start_date);
CREATE INDEX meetings_place_admin_unit ON meetings (place_admin_unit_id);
CREATE INDEX meetings_search ON meetings USING gin (search);
CREATE TRIGGER meetings_changes AFTER INSERT OR UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION record_change('meeting');

-- One row per convener or participant: an organization, or a named group of states or bodies
-- the source does not break down ("Western states", «معظم الدول العربية»). Replaced wholesale
-- when a meeting's participant list changes.
CREATE TABLE meeting_participants (
  operation_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  position integer NOT NULL,
  organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  group_ar text,
  group_en text,
  role text NOT NULL CHECK (role IN ('convener', 'participant')),
  -- Conveners may leave it unsaid; everyone else states it.
  attendance text CHECK (attendance IN ('invited', 'attended', 'observer', 'declined', 'boycotted',
    'walked_out')),
  PRIMARY KEY (operation_id, meeting_id, position),
  FOREIGN KEY (operation_id, meeting_id) REFERENCES meetings (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT meeting_participants_organization_or_group
    CHECK ((organization_id IS NOT NULL) <> (group_ar IS NOT NULL OR group_en IS NOT NULL)),
  CHECK (role = 'convener' OR attendance IS NOT NULL)
);
CREATE UNIQUE INDEX meeting_participants_organization_key
  ON meeting_participants (operation_id, meeting_id, organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX meeting_participants_organization ON meeting_participants (organization_id);
COMMENT ON TABLE meeting_participants IS 'child rows: replaced wholesale with their meeting''s list';

-- What a meeting produced. agreement_id, pledge_id and shipment_id are plain uuids for now:
-- their foreign keys ((operation_id, agreement_id) → agreements, (operation_id, pledge_id) →
-- pledges, (operation_id, shipment_id) → shipments) come with the agreements and ledger
-- migrations, added by ALTER TABLE there.
CREATE TABLE meeting_outcomes (
  operation_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  position integer NOT NULL,
  type text NOT NULL CHECK (type IN ('decision', 'commitment', 'pledge', 'statement', 'agreement_signed')),
  text_ar text,
  text_en text,
  agreement_id uuid,
  pledge_id uuid,
  shipment_id uuid,
  PRIMARY KEY (operation_id, meeting_id, position),
  FOREIGN KEY (operation_id, meeting_id) REFERENCES meetings (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (text_ar IS NOT NULL OR text_en IS NOT NULL)
);
CREATE INDEX meeting_outcomes_agreement ON meeting_outcomes (agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX meeting_outcomes_pledge ON meeting_outcomes (pledge_id) WHERE pledge_id IS NOT NULL;
CREATE INDEX meeting_outcomes_shipment ON meeting_outcomes (shipment_id) WHERE shipment_id IS NOT NULL;
COMMENT ON TABLE meeting_outcomes IS 'child rows: replaced wholesale with their meeting''s list';
