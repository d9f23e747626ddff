-- The review queue (issue 6): facts the extractor found in a source's text, waiting for an analyst
-- to accept (the record and claims are created then), edit then accept, or reject. Nothing enters
-- the record from a text without passing through here.
--
-- A candidate belongs to its source: it is read and decided by those who may read and write the
-- source (row-level security through the source), and the audit log keeps its values as hashes
-- when the source is confidential or secret.
CREATE TABLE review_candidates (
  operation_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  source_id uuid NOT NULL,
  -- 'event': an event with its date, place, participants, claimant and quantities;
  -- 'quantity': a figure stated outside any event.
  kind text NOT NULL CHECK (kind IN ('event', 'quantity')),
  -- The event's type (meeting, delivery …) or the quantity's unit (dose, tonne …).
  fact_type text NOT NULL,
  -- The mention as extract() returned it (shared/spec/extraction-contract.md).
  extracted jsonb NOT NULL,
  -- The exact words: the source's text from span_start to span_end (UTF-16 code units).
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end integer NOT NULL,
  span_text text NOT NULL,
  -- What accepting would create: the record, its status, the claims, the registry matches.
  proposal jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  -- Who decided ('user:<id>', 'system'), when, why (a rejection), and with which edits.
  decided_by text,
  decided_at timestamptz,
  reason text,
  edits jsonb,
  -- What accepting created or linked.
  record_resource text,
  record_id uuid,
  record_created boolean,
  claim_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (operation_id, source_id) REFERENCES sources (operation_id, id) DEFERRABLE INITIALLY IMMEDIATE,
  CHECK (span_end > span_start),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status <> 'accepted' OR (record_id IS NOT NULL AND cardinality(claim_ids) > 0))
);
-- Extracting the same source again finds the same facts: one candidate each. The type is part of
-- the key because one sentence can state two events (a distribution tied to an agreement).
CREATE UNIQUE INDEX review_candidates_fact ON review_candidates (source_id, kind, fact_type, span_start, span_end);
CREATE INDEX review_candidates_queue ON review_candidates (status, created_at, id);

SELECT audit_table('review_candidates', 'source_id', 'sources');
SELECT access_protect('review_candidates', 'sources', 'source_id');
