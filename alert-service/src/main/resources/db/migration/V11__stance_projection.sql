-- The projection: each dyad's current stance, a pure function of the event store.
-- The stance is kept as the exact JSON published, so a rebuild can be compared byte for byte.
CREATE TABLE dyad_stance (
    dyad       text        PRIMARY KEY,
    actor      text        NOT NULL,
    target     text        NOT NULL,
    level      text        NOT NULL,
    updated_at timestamptz NOT NULL,
    stance     text        NOT NULL
);

CREATE INDEX dyad_stance_target ON dyad_stance (target, actor);

-- Every shift and signal emitted, as published (sources updated as corroboration grows).
CREATE TABLE stance_shift (
    shift_id       text        PRIMARY KEY,
    dyad           text        NOT NULL,
    kind           text        NOT NULL,
    cause_event_id text        NOT NULL,
    detected_at    timestamptz NOT NULL,
    shift          text        NOT NULL
);

CREATE INDEX stance_shift_detected_at ON stance_shift (detected_at);
CREATE INDEX stance_shift_cause ON stance_shift (dyad, cause_event_id);
