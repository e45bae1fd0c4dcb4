/**
 * The event store of relation changes and what keeps it: the Kafka consumer, the
 * idempotent per-record transaction that appends, folds and writes the outbox, the outbox
 * relay to Kafka, the projection rebuild and the queries the read API uses.
 */
@NullMarked
package org.stancewatch.alert.eventstore;

import org.jspecify.annotations.NullMarked;
