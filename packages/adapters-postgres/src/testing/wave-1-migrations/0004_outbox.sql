-- The transactional outbox: events appended in the transaction of the change, applied at
-- least once by relays that claim due rows with leases (FOR UPDATE SKIP LOCKED).
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event jsonb NOT NULL CONSTRAINT outbox_event_check CHECK (jsonb_typeof(event) = 'object' AND event ? 'type'),
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CONSTRAINT outbox_attempts_check CHECK (attempts >= 0),
  available_at timestamptz NOT NULL,
  claimed_until timestamptz,
  completed_at timestamptz,
  parked_at timestamptz,
  last_error text,
  CONSTRAINT outbox_done_once_check CHECK (completed_at IS NULL OR parked_at IS NULL)
);
-- Only the open rows: the table grows, the index of work to do stays small.
CREATE INDEX outbox_open_idx ON outbox (id) WHERE completed_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked_idx ON outbox (id) WHERE parked_at IS NOT NULL;

-- Revoked token ids, kept until the tokens would have expired anyway.
CREATE TABLE revoked_tokens (
  token_id text PRIMARY KEY CONSTRAINT revoked_tokens_token_id_check CHECK (token_id <> ''),
  expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expires_idx ON revoked_tokens (expires_at);
