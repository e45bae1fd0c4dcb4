package org.stancewatch.alert.eventstore;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.stancewatch.contracts.Topics;

/**
 * Consumes the event log topic. Offsets are committed by the container after the database
 * transaction, so a record redelivered after a crash is dropped by the event id gate. A
 * failure is left to the error handler: retried, then dead-lettered with its reason.
 */
@Component
class RelationChangeListener {

	private final ObservationProcessor processor;

	RelationChangeListener(ObservationProcessor processor) {
		this.processor = processor;
	}

	@KafkaListener(id = "alert-relation-changes", idIsGroup = false, topics = Topics.RELATION_CHANGES)
	void on(ConsumerRecord<String, @Nullable String> record) {
		this.processor.process(RelationChangeReader.read(record));
	}

}
