-- Evidence: persons, sources, claims about records, their verification and contradictions.
-- Records hold what their operators entered; claims stand beside them and never overwrite them.

-- People who write sources or make claims: journalists, spokespeople, officials, informants.
-- An informant's identity can put them in danger: persons are restricted unless said otherwise.
CREATE TABLE persons (
  id uuid PRIMARY KEY,
  name_ar text,
  name_en text,
  role text NOT NULL DEFAULT 'other'
    CHECK (role IN ('journalist', 'spokesperson', 'official', 'researcher', 'witness', 'informant', 'other')),
  affiliation_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  sensitivity text NOT NULL DEFAULT 'restricted'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (name_ar IS NOT NULL OR name_en IS NOT NULL)
);
CREATE INDEX persons_search ON persons USING gin (search);
CREATE INDEX persons_affiliation ON persons (affiliation_id);
CREATE TRIGGER persons_changes AFTER INSERT OR UPDATE ON persons
  FOR EACH ROW EXECUTE FUNCTION record_change('person');

-- A source: an article, press release, statement, report, partner submission … with its text.
-- The same text twice is one source (content_sha256 is unique per operation).
CREATE TABLE sources (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('news_article', 'press_release', 'statement', 'report',
    'partner_submission', 'dataset', 'meeting_minutes', 'social_post')),
  title text,
  language text CHECK (language ~ '^[a-z]{2,3}$'),
  outlet_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  author_person_id uuid REFERENCES persons (id) DEFERRABLE INITIALLY IMMEDIATE,
  -- The byline as printed, when no person record is made for it.
  author_text text,
  url text,
  published_on date,
  published_precision text NOT NULL DEFAULT 'day' CHECK (published_precision IN ('day', 'month', 'year')),
  retrieved_at timestamptz,
  -- The text exactly as ingested: claims quote it by character offsets.
  content text,
  content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  content_length integer,
  -- MinHash signature of the normalized text's word shingles, for near-duplicate detection.
  minhash integer[],
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  search_terms text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  UNIQUE (operation_id, content_sha256),
  CHECK ((content IS NULL) = (content_sha256 IS NULL))
);
CREATE INDEX sources_id ON sources (id);
CREATE INDEX sources_outlet ON sources (outlet_id);
CREATE INDEX sources_search ON sources USING gin (search);
CREATE TRIGGER sources_changes AFTER INSERT OR UPDATE ON sources
  FOR EACH ROW EXECUTE FUNCTION record_change('source');

-- Locality-sensitive hashing of the MinHash signatures: sources sharing a band hash are
-- candidates for near-duplicates, found without comparing against every source.
CREATE TABLE source_bands (
  operation_id uuid NOT NULL,
  band smallint NOT NULL,
  hash bigint NOT NULL,
  source_id uuid NOT NULL,
  PRIMARY KEY (operation_id, band, hash, source_id),
  FOREIGN KEY (operation_id, source_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);

-- Near-duplicates found (the same press release re-published): kept as links, both sources stay.
CREATE TABLE source_similarities (
  operation_id uuid NOT NULL,
  source_id uuid NOT NULL,
  similar_id uuid NOT NULL,
  similarity real NOT NULL CHECK (similarity BETWEEN 0 AND 1),
  detected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, source_id, similar_id),
  CHECK (source_id < similar_id),
  FOREIGN KEY (operation_id, source_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, similar_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX source_similarities_similar ON source_similarities (similar_id);

-- A claim: someone asserts a value about a record's field or relation, in a source, in words
-- quoted exactly (quote_start/quote_end index the source's content, in UTF-16 code units as
-- JavaScript strings count them).
CREATE TABLE claims (
  operation_id uuid NOT NULL REFERENCES operations (id) DEFERRABLE INITIALLY IMMEDIATE,
  id uuid NOT NULL,
  subject_resource text NOT NULL,
  subject_id uuid NOT NULL,
  field text NOT NULL,
  value jsonb NOT NULL,
  claimant_organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  claimant_person_id uuid REFERENCES persons (id) DEFERRABLE INITIALLY IMMEDIATE,
  source_id uuid,
  quote_start integer CHECK (quote_start >= 0),
  quote_end integer,
  quote_text text,
  claimed_on date,
  claimed_precision text NOT NULL DEFAULT 'day' CHECK (claimed_precision IN ('day', 'month', 'year')),
  time_precision text CHECK (time_precision IN ('exact', 'day', 'month', 'year', 'approximate', 'unknown')),
  place_precision text CHECK (place_precision IN ('exact', 'site', 'admin3', 'admin2', 'admin1', 'country', 'unknown')),
  reporter_role text NOT NULL DEFAULT 'primary' CHECK (reporter_role IN ('primary', 'secondary')),
  status text NOT NULL DEFAULT 'reported'
    CHECK (status IN ('reported', 'corroborated', 'confirmed', 'disputed', 'refuted', 'retracted')),
  sensitivity text NOT NULL DEFAULT 'public'
    CHECK (sensitivity IN ('public', 'restricted', 'confidential', 'secret')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, source_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (claimant_organization_id IS NOT NULL OR claimant_person_id IS NOT NULL),
  CHECK ((quote_start IS NULL) = (quote_end IS NULL)),
  CHECK (quote_end IS NULL OR quote_end > quote_start),
  CHECK (quote_start IS NULL OR source_id IS NOT NULL)
);
CREATE INDEX claims_id ON claims (id);
CREATE INDEX claims_subject ON claims (subject_id, field);
CREATE INDEX claims_source ON claims (source_id);
CREATE INDEX claims_claimant_org ON claims (claimant_organization_id);
CREATE INDEX claims_claimant_person ON claims (claimant_person_id);
CREATE TRIGGER claims_changes AFTER INSERT OR UPDATE ON claims
  FOR EACH ROW EXECUTE FUNCTION record_change('claim');

-- Every change of a claim's status, with who, when, how and why. Never edited.
CREATE TABLE claim_verifications (
  operation_id uuid NOT NULL,
  id uuid NOT NULL,
  claim_id uuid NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL
    CHECK (to_status IN ('reported', 'corroborated', 'confirmed', 'disputed', 'refuted', 'retracted')),
  method text NOT NULL CHECK (method IN ('document_review', 'cross_check', 'field_visit',
    'official_confirmation', 'partner_report', 'source_correction', 'other')),
  reason_ar text,
  reason_en text,
  -- Who: the acting user (or 'system'), and the organization whose confirmation it is, if any.
  actor text NOT NULL,
  by_organization_id uuid REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  evidence_source_id uuid,
  verified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, id),
  FOREIGN KEY (operation_id, claim_id) REFERENCES claims (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, evidence_source_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (reason_ar IS NOT NULL OR reason_en IS NOT NULL)
);
CREATE INDEX claim_verifications_claim ON claim_verifications (claim_id, verified_at);
CREATE TRIGGER claim_verifications_immutable BEFORE UPDATE OR DELETE ON claim_verifications
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Two claims giving different values for the same subject and field. Both are kept.
CREATE TABLE claim_contradictions (
  operation_id uuid NOT NULL,
  claim_id uuid NOT NULL,
  other_claim_id uuid NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation_id, claim_id, other_claim_id),
  CHECK (claim_id < other_claim_id),
  FOREIGN KEY (operation_id, claim_id) REFERENCES claims (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  FOREIGN KEY (operation_id, other_claim_id) REFERENCES claims (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX claim_contradictions_other ON claim_contradictions (other_claim_id);
