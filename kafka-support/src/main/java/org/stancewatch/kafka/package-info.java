/**
 * Kafka plumbing the services share: how their topics are replicated, and how an outbox
 * relay finds the rows an interrupted attempt already got into a topic.
 */
@NullMarked
package org.stancewatch.kafka;

import org.jspecify.annotations.NullMarked;
