/**
 * The transactional outbox: messages written in the same database transaction as the
 * state they announce, and the relay that publishes them to Kafka.
 */
@NullMarked
package org.stancewatch.ingest.outbox;

import org.jspecify.annotations.NullMarked;
