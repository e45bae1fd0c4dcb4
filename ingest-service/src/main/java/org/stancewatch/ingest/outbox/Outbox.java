package org.stancewatch.ingest.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends a message to the outbox in the caller's transaction, so it is published if and
 * only if that transaction commits.
 */
@Component
public class Outbox {

	static final String SOURCE = "/stancewatch/ingest-service";

	private final JdbcClient jdbc;

	private final TraceParent traceParent;

	private final OutboxRelay relay;

	Outbox(JdbcClient jdbc, TraceParent traceParent, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.traceParent = traceParent;
		this.relay = relay;
	}

	/**
	 * @param type the event type, which fixes the topic
	 * @param key the Kafka record key
	 * @param eventId the CloudEvents id consumers deduplicate by
	 * @param event the event record, written as JSON
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(EventType type, String key, String eventId, Object event) {
		this.jdbc
			.sql("insert into outbox (topic, message_key, event_id, event_type, subject, payload, traceparent) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(type.topic(), key, eventId, type.ceType(), key, EventJson.writeString(event),
					this.traceParent.current())
			.update();
		wakeUpRelayAfterCommit();
	}

	/**
	 * The row is invisible to the relay until the transaction commits, so it is woken
	 * then, not now; relays of other instances find it at their next idle poll.
	 */
	private void wakeUpRelayAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}

		});
	}

	/** Rows not yet acknowledged by Kafka. */
	public long backlog() {
		return this.jdbc.sql("select count(*) from outbox").query(Long.class).single();
	}

	/**
	 * An outbox row, as the relay publishes it; claimed once a relay set out to send it.
	 */
	record Message(long id, String topic, String key, String eventId, String eventType, String subject, String payload,
			Instant createdAt, @Nullable String traceparent, @Nullable Instant claimedAt) {

		CloudEvent cloudEvent() {
			return new CloudEvent(this.eventId, this.eventType, SOURCE, this.createdAt, this.subject);
		}

	}

}
