-- Subscribers, their subscriptions and the alerts delivered to them (design.md, "Delivery").

CREATE TABLE subscriber (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    -- SHA-256 of the API key; the key itself is shown once and never stored.
    api_key_hash bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscription (
    id              uuid PRIMARY KEY,
    subscriber_id   uuid             NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    name            text,
    actors          text[]           NOT NULL DEFAULT '{}',
    target          text             NOT NULL,
    directions      text[]           NOT NULL DEFAULT '{}',
    levels          text[]           NOT NULL DEFAULT '{}',
    actions         text[]           NOT NULL DEFAULT '{}',
    include_signals boolean          NOT NULL DEFAULT false,
    min_confidence  double precision NOT NULL DEFAULT 0,
    min_sources     integer          NOT NULL DEFAULT 1,
    backfill        boolean          NOT NULL DEFAULT false,
    channel_type    text             NOT NULL CHECK (channel_type IN ('WEBHOOK', 'EMAIL', 'CHAT')),
    -- URL for WEBHOOK and CHAT, address for EMAIL.
    channel_address text             NOT NULL,
    -- whsec_...; needed in clear text to sign, so it lives only here.
    webhook_secret  text,
    status          text             NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason text,
    disabled_at     timestamptz,
    -- Start of the current run of failed attempts; cleared by a success.
    failing_since   timestamptz,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX subscription_by_subscriber ON subscription (subscriber_id);
CREATE INDEX subscription_active_by_target ON subscription (target) WHERE status = 'ACTIVE';

CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    shift_id        text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('ALERT', 'TEST')),
    -- The StanceShift as JSON, so that sending never depends on other tables.
    shift           jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- Index into the retry schedule; a resend starts it again.
    retry_step      integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- A worker that claimed the row owns it until then (longer than any send can take).
    lease_until     timestamptz,
    claimed_by      text,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    -- One alert per subscription and shift, however often the shift is published.
    CONSTRAINT delivery_once_per_shift UNIQUE (subscription_id, shift_id)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE delivery_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    duration_ms  bigint      NOT NULL,
    outcome      text        NOT NULL,
    status_code  integer,
    error        text,
    worker       text        NOT NULL
);

CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, attempted_at);
