-- When the relay first set out to send a row, committed before the send. A row found with it
-- set may already be in Kafka from an attempt that died before deleting it: the relay looks
-- for it in the topic (by the stancewatch_outbox_id header) before sending it again.
alter table outbox add column claimed_at timestamptz;
