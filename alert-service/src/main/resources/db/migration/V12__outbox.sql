-- Messages to publish, written in the transaction that caused them. The relay claims rows
-- (FOR UPDATE SKIP LOCKED), publishes them and deletes them in one transaction, so a row
-- that commits late is still published: nothing relies on ids committing in order.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    headers     text        NOT NULL,
    payload     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
