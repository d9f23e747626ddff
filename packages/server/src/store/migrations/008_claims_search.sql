-- Claims are listed and searched like other records (by their quoted words, field and value):
-- the generic record store writes search_terms on every insert and update.
ALTER TABLE claims
  ADD COLUMN search_terms text NOT NULL DEFAULT '',
  ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED;
CREATE INDEX claims_search ON claims USING gin (search);
