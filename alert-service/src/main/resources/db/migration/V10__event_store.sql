-- The event store: every accepted relation change, append-only, in order per dyad.
CREATE TABLE relation_change_event (
    dyad        text        NOT NULL,
    sequence    integer     NOT NULL CHECK (sequence > 0),
    event_id    text        NOT NULL UNIQUE,
    received_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    PRIMARY KEY (dyad, sequence)
);

CREATE FUNCTION relation_change_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'relation_change_event is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER relation_change_event_append_only
    BEFORE UPDATE OR DELETE ON relation_change_event
    FOR EACH ROW EXECUTE FUNCTION relation_change_event_is_append_only();

CREATE TRIGGER relation_change_event_no_truncate
    BEFORE TRUNCATE ON relation_change_event
    FOR EACH STATEMENT EXECUTE FUNCTION relation_change_event_is_append_only();

-- The idempotence gate: one row per event id ever processed, written in the same
-- transaction as the event's effect.
CREATE TABLE processed_event (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
