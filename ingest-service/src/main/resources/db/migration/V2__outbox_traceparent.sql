-- The W3C trace context of the work that queued a message, sent as the record's traceparent
-- header, so one article's trace continues through extract- and alert-service.
alter table outbox add column traceparent text;
