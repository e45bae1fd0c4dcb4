-- The W3C traceparent of the fold that created the delivery (the article's trace), so that
-- sending it, however much later and on whichever instance, continues that trace.
ALTER TABLE delivery ADD COLUMN traceparent text;
