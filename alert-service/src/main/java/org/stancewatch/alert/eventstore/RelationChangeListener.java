package org.stancewatch.alert.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import org.stancewatch.kafka.RecordTraces;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;

/**
 * Consumes the event log topic a poll at a time, one database transaction per poll.
 * Offsets are committed by the container after the transaction, so a record redelivered
 * after a crash is dropped by the event id gate.
 * <p>
 * A failure names the record to blame ({@link BatchListenerFailedException}), so that the
 * records before it are committed and only it is retried or dead-lettered: an invalid
 * record at once, after the valid ones before it were processed; the database away as the
 * batch's first record, retried until it is back; anything else, the record that fails
 * when the batch is taken again one record at a time.
 */
@Component
class RelationChangeListener {

	private final ObservationProcessor processor;

	RelationChangeListener(ObservationProcessor processor) {
		this.processor = processor;
	}

	@KafkaListener(id = "alert-relation-changes", idIsGroup = false, topics = Topics.RELATION_CHANGES, batch = "true")
	void on(List<ConsumerRecord<String, @Nullable String>> records) {
		List<RelationChange> valid = new ArrayList<>(records.size());
		Map<String, String> traceparents = new HashMap<>();
		Map<String, Instant> articleTimes = new HashMap<>();
		for (int index = 0; index < records.size(); index++) {
			try {
				RelationChange change = RelationChangeReader.read(records.get(index));
				valid.add(change);
				String traceparent = RecordTraces.traceparent(records.get(index));
				if (traceparent != null) {
					traceparents.put(change.eventId(), traceparent);
				}
				Instant articleTime = PipelineLatency.articleTime(records.get(index));
				if (articleTime != null) {
					articleTimes.put(change.eventId(), articleTime);
				}
			}
			catch (InvalidRelationChangeException ex) {
				process(valid, traceparents, articleTimes);
				throw new BatchListenerFailedException(ex.getMessage(), ex, index);
			}
		}
		process(valid, traceparents, articleTimes);
	}

	/** The changes are those of the batch's first records, in order. */
	private void process(List<RelationChange> changes, Map<String, String> traceparents,
			Map<String, Instant> articleTimes) {
		try {
			this.processor.process(changes, traceparents, articleTimes);
		}
		catch (RuntimeException ex) {
			if (DatabaseAway.isCause(ex)) {
				throw new BatchListenerFailedException("The database is unavailable", ex, 0);
			}
			blameOne(changes, ex);
		}
	}

	private void blameOne(List<RelationChange> changes, RuntimeException batchFailure) {
		for (int index = 0; index < changes.size(); index++) {
			try {
				this.processor.process(List.of(changes.get(index)));
			}
			catch (RuntimeException ex) {
				ex.addSuppressed(batchFailure);
				throw new BatchListenerFailedException(String.valueOf(ex.getMessage()), ex, index);
			}
		}
		// each record alone went through: all are processed, the batch failure was
		// passing
	}

}
