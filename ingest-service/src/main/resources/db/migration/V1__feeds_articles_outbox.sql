-- Feeds to poll, with their HTTP validators, health and poll lease.
create table feed (
    id                   bigint generated always as identity primary key,
    url                  text        not null unique,
    title                text,
    enabled              boolean     not null default true,
    disabled_reason      text,
    poll_interval_s      integer     not null default 300 check (poll_interval_s >= 60),
    fetch_full_text      boolean     not null default true,
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz not null default now(),
    -- A poller claims due feeds by setting a lease; another instance skips leased rows.
    lease_owner          text,
    lease_until          timestamptz,
    last_polled_at       timestamptz,
    last_status          text,
    last_error           text,
    consecutive_failures integer     not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create index feed_due on feed (next_poll_at) where enabled;

-- One row per poll, for the operator to see what happened to a feed.
create table fetch_history (
    id           bigint generated always as identity primary key,
    feed_id      bigint      not null references feed (id) on delete cascade,
    started_at   timestamptz not null,
    duration_ms  integer     not null,
    http_status  integer,
    outcome      text        not null,
    new_articles integer     not null default 0,
    error        text
);

create index fetch_history_feed on fetch_history (feed_id, started_at desc);

create table article (
    id            text primary key,
    feed_id       bigint references feed (id) on delete set null,
    url           text        not null,
    canonical_url text        not null,
    title         text        not null,
    source        text        not null,
    published_at  timestamptz,
    fetched_at    timestamptz not null,
    language      text,
    text          text        not null,
    summary       text,
    content_hash  text        not null,
    -- 64-bit SimHash of the text, split in four 16-bit bands: two near-duplicates share a band.
    fingerprint   bigint,
    band0         integer,
    band1         integer,
    band2         integer,
    band3         integer,
    duplicate_of  text references article (id),
    created_at    timestamptz not null default now()
);

create index article_content_hash on article (content_hash);
create index article_title on article (lower(title));
create index article_created on article (created_at desc);
create index article_band0 on article (band0);
create index article_band1 on article (band1);
create index article_band2 on article (band2);
create index article_band3 on article (band3);

-- Transactional outbox: written with the article in one transaction, claimed and deleted by the
-- relay once Kafka acknowledged the record (see OutboxRelay for why claim-and-delete).
create table outbox (
    id           bigint generated always as identity primary key,
    topic        text        not null,
    message_key  text        not null,
    event_id     text        not null,
    event_type   text        not null,
    subject      text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now()
);
