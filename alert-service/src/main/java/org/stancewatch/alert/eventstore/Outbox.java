package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;

/**
 * Messages written in the transaction that caused them, for {@link OutboxRelay} to
 * publish.
 */
@Repository
class Outbox {

	static final String SOURCE = "/stancewatch/alert-service";

	private final JdbcTemplate jdbc;

	private final OutboxRelay relay;

	Outbox(JdbcTemplate jdbc, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.relay = relay;
	}

	/**
	 * Adds an event keyed by its dyad. Its CloudEvents id is derived from the content, so
	 * the same event written twice (a rebuild republishing an unchanged stance) carries
	 * the same id and consumers drop the repeat.
	 */
	void add(EventType type, Dyad dyad, Object event, Instant now) {
		String payload = EventJson.writeString(event);
		String id = UUID
			.nameUUIDFromBytes((type.ceType() + "|" + dyad + "|" + payload).getBytes(StandardCharsets.UTF_8))
			.toString();
		insert(type.topic(), dyad.toString(), CloudEvent.of(type, id, SOURCE, now, dyad.toString()).toHeaders(),
				payload);
	}

	/** Adds several events of one type, each keyed by its dyad, in one round trip. */
	void addAll(EventType type, Map<Dyad, ?> events, Instant now) {
		this.jdbc.batchUpdate("INSERT INTO outbox (topic, message_key, headers, payload) VALUES (?, ?, ?, ?)",
				events.entrySet().stream().map((entry) -> {
					Dyad dyad = entry.getKey();
					String payload = EventJson.writeString(entry.getValue());
					String id = UUID
						.nameUUIDFromBytes(
								(type.ceType() + "|" + dyad + "|" + payload).getBytes(StandardCharsets.UTF_8))
						.toString();
					return new Object[] { type.topic(), dyad.toString(),
							EventJson.writeString(CloudEvent.of(type, id, SOURCE, now, dyad.toString()).toHeaders()),
							payload };
				}).toList());
		wakeUpRelayAfterCommit();
	}

	/** Adds a tombstone: the compacted topic forgets the dyad. */
	void addTombstone(EventType type, Dyad dyad, Instant now) {
		String id = UUID
			.nameUUIDFromBytes((type.ceType() + "|" + dyad + "|tombstone|" + now).getBytes(StandardCharsets.UTF_8))
			.toString();
		insert(type.topic(), dyad.toString(), CloudEvent.of(type, id, SOURCE, now, dyad.toString()).toHeaders(), null);
	}

	private void insert(String topic, String key, Map<String, String> headers, @Nullable String payload) {
		this.jdbc.update("INSERT INTO outbox (topic, message_key, headers, payload) VALUES (?, ?, ?, ?)", topic, key,
				EventJson.writeString(headers), payload);
		wakeUpRelayAfterCommit();
	}

	/**
	 * The rows are invisible to the relay until the transaction commits, so it is woken
	 * then, not now; relays of other instances find them at their next run.
	 */
	private void wakeUpRelayAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.relay.wakeUp();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}

		});
	}

}
