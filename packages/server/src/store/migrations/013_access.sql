-- Access: users, sign-in, API tokens, record ownership and row-level security (decision 015).
--
-- The application checks every call against its actor (services/access.ts); row-level security
-- is the second line: the application's role owns no table, so these policies bind it even where
-- a query forgets a condition. The actor reaches PostgreSQL as settings made on every connection
-- the application checks out (store/actor-db.ts):
--   tansiq.actor_roles  'system' (the CLI, migrations' seeds, the demo), 'public' (not signed in),
--                       or ',role,role,' of a signed-in user; unset (''): nothing is visible
--   tansiq.actor_user, tansiq.actor_org   the user's id and organization, '' otherwise
--   tansiq.actor        what the audit log records as acting ('user:<id>', 'system')

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name text,
  organization_id uuid NOT NULL REFERENCES organizations (id) DEFERRABLE INITIALLY IMMEDIATE,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0
    AND roles <@ ARRAY['admin', 'coordinator', 'partner_editor', 'analyst', 'viewer']),
  locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('ar', 'en')),
  -- argon2id, in the PHC string format; null: the user signs in with tokens only.
  password_hash text,
  -- The audit log keeps confidential rows' values as hashes: password hashes never enter it.
  sensitivity text NOT NULL DEFAULT 'confidential' CHECK (sensitivity = 'confidential'),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email);
SELECT audit_table('users');

-- A session is a random secret in an httpOnly cookie; only its SHA-256 is stored, so a copy of the
-- database signs nobody in. The CSRF token is returned at sign-in and must come back in the
-- x-csrf-token header of every write made with the cookie.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  secret_sha256 bytea NOT NULL UNIQUE,
  csrf_sha256 bytea NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
COMMENT ON TABLE sessions IS 'not audited: sign-ins are recorded in signin_attempts; a session holds no record data';

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text,
  secret_sha256 bytea NOT NULL UNIQUE,
  -- 'read': GET only; 'write': everything the user may do.
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write']),
  sensitivity text NOT NULL DEFAULT 'confidential' CHECK (sensitivity = 'confidential'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
SELECT audit_table('api_tokens');
-- Apart from the token: it moves on every call, and the audit log would fill with it.
CREATE TABLE api_token_uses (
  token_id uuid PRIMARY KEY REFERENCES api_tokens (id) ON DELETE CASCADE,
  last_used_at timestamptz NOT NULL
);
COMMENT ON TABLE api_token_uses IS 'not audited: when a token was last used, rewritten on every call';

-- Failed and successful sign-ins, for lockout (5 failures in 15 minutes) and for review.
CREATE TABLE signin_attempts (
  email text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL,
  address text
);
CREATE INDEX signin_attempts_email ON signin_attempts (email, at);
COMMENT ON TABLE signin_attempts IS 'not audited: a log of its own, append-only for the application';

-- Who owns a record (partners edit their own organization's records only) and, for secret
-- records, who may read them.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organizations', 'sites', 'pledges', 'shipments', 'distributions', 'meetings',
    'agreements', 'population_movements', 'persons', 'sources', 'claims'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN owner_organization_id uuid REFERENCES organizations (id)
      DEFERRABLE INITIALLY IMMEDIATE', t);
    EXECUTE format('ALTER TABLE %I ADD COLUMN secret_readers uuid[] NOT NULL DEFAULT ''{}''', t);
    EXECUTE format('CREATE INDEX %I ON %I (owner_organization_id)', t || '_owner', t);
  END LOOP;
END
$$;
-- Records made before ownership existed belong to the organization that reported them.
UPDATE pledges SET owner_organization_id = source_organization_id;
UPDATE population_movements SET owner_organization_id = reporting_organization_id;

CREATE FUNCTION access_roles() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('tansiq.actor_roles', true), '')
$$;
CREATE FUNCTION access_org() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('tansiq.actor_org', true), '')::uuid
$$;
CREATE FUNCTION access_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('tansiq.actor_user', true), '')::uuid
$$;
-- Admins and coordinators work across organizations (the hub); the system is the CLI.
CREATE FUNCTION access_is_hub() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT access_roles() = 'system' OR access_roles() LIKE '%,admin,%' OR access_roles() LIKE '%,coordinator,%'
$$;
CREATE FUNCTION access_signed_in() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT access_roles() NOT IN ('', 'public')
$$;

-- public: everyone; restricted: signed-in users; confidential: the owner organization and the
-- hub; secret: the named readers only (and the system). Nothing at all without an actor.
CREATE FUNCTION access_may_read(sensitivity text, owner uuid, readers uuid[]) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN access_roles() = 'system' THEN true
    WHEN access_roles() = '' THEN false
    WHEN sensitivity = 'public' THEN true
    WHEN access_roles() = 'public' THEN false
    WHEN sensitivity = 'restricted' THEN true
    WHEN sensitivity = 'confidential' THEN access_is_hub() OR owner = access_org() OR access_user() = ANY (readers)
    ELSE access_user() = ANY (readers)
  END
$$;

CREATE FUNCTION access_may_write(owner uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT access_is_hub() OR (access_signed_in() AND owner = access_org())
$$;

-- Puts a table under row-level security: records by their sensitivity and owner, reference
-- tables (no sensitivity column) readable by any actor and written by the hub, child rows by
-- their parent (parent_column names the parent's id in the child).
CREATE FUNCTION access_protect(target regclass, parent_table text DEFAULT NULL, parent_column text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  has_sensitivity boolean := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = target
    AND attname = 'sensitivity' AND NOT attisdropped);
  read_rule text;
  write_rule text;
BEGIN
  IF parent_table IS NOT NULL THEN
    read_rule := format('EXISTS (SELECT 1 FROM %I p WHERE p.id = %s.%I)', parent_table, target, parent_column);
    write_rule := format('EXISTS (SELECT 1 FROM %I p WHERE p.id = %s.%I AND access_may_write(p.owner_organization_id))',
      parent_table, target, parent_column);
  ELSIF has_sensitivity THEN
    read_rule := 'access_may_read(sensitivity, owner_organization_id, secret_readers)';
    write_rule := 'access_may_write(owner_organization_id)';
  ELSE
    read_rule := 'access_roles() <> ''''';
    write_rule := 'access_is_hub()';
  END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY access_read ON %s FOR SELECT USING (%s)', target, read_rule);
  EXECUTE format('CREATE POLICY access_insert ON %s FOR INSERT WITH CHECK (%s)', target, write_rule);
  EXECUTE format('CREATE POLICY access_update ON %s FOR UPDATE USING (%s) WITH CHECK (%s)', target, write_rule, write_rule);
  EXECUTE format('CREATE POLICY access_delete ON %s FOR DELETE USING (%s)', target, write_rule);
END
$$;

SELECT access_protect('operations');
SELECT access_protect('organizations');
SELECT access_protect('admin_units');
SELECT access_protect('items');
SELECT access_protect('sites');
SELECT access_protect('pledges');
SELECT access_protect('shipments');
SELECT access_protect('shipment_donors', 'shipments', 'shipment_id');
SELECT access_protect('shipment_lines', 'shipments', 'shipment_id');
SELECT access_protect('shipment_receipts', 'shipments', 'shipment_id');
SELECT access_protect('distributions');
SELECT access_protect('meetings');
SELECT access_protect('meeting_participants', 'meetings', 'meeting_id');
SELECT access_protect('meeting_outcomes', 'meetings', 'meeting_id');
SELECT access_protect('agreements');
SELECT access_protect('agreement_parties', 'agreements', 'agreement_id');
SELECT access_protect('agreement_conditions', 'agreements', 'agreement_id');
SELECT access_protect('population_movements');
SELECT access_protect('persons');
SELECT access_protect('sources');
SELECT access_protect('source_bands', 'sources', 'source_id');
SELECT access_protect('source_similarities', 'sources', 'source_id');
SELECT access_protect('claims');
SELECT access_protect('claim_verifications', 'claims', 'claim_id');
SELECT access_protect('claim_contradictions', 'claims', 'claim_id');

-- Status events belong to a record of any resource: they follow the record's own rules.
CREATE FUNCTION access_record_visible(resource text, record uuid, for_write boolean) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  target text := replace(resource, '-', '_') || 's';
  found boolean;
BEGIN
  IF access_roles() = 'system' THEN
    RETURN true;
  END IF;
  IF to_regclass(quote_ident(target)) IS NULL THEN
    RETURN access_is_hub();
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1 AND ($2 IS FALSE OR access_may_write(owner_organization_id)))',
    target) INTO found USING record, for_write;
  RETURN found;
END
$$;
ALTER TABLE status_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_read ON status_events FOR SELECT USING (access_record_visible(resource, record_id, false));
CREATE POLICY access_insert ON status_events FOR INSERT WITH CHECK (access_record_visible(resource, record_id, true));

-- Reads of confidential and secret records are logged too (issue 5): the application calls this
-- after presenting such records to a user; the entry joins the chain like any write.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_operation_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_operation_check
  CHECK (operation IN ('insert', 'update', 'delete', 'read'));
CREATE FUNCTION audit_read(target_table text, record_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO audit_pending (at, actor, operation, table_name, record_id, before, after)
  SELECT now(), coalesce(nullif(current_setting('tansiq.actor', true), ''), 'system'), 'read', target_table, r, NULL, NULL
  FROM unnest(record_ids) AS r
$$;
REVOKE EXECUTE ON FUNCTION audit_read(text, uuid[]) FROM PUBLIC;

-- An analyst's verification is a proposal: kept in the history, the claim's status unchanged
-- until a coordinator decides.
ALTER TABLE claim_verifications ADD COLUMN proposed boolean NOT NULL DEFAULT false;
