package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.contracts.EventJson;

/**
 * Publishes outbox rows to Kafka. Each run claims the oldest rows
 * ({@code FOR UPDATE SKIP LOCKED}), sends them, waits for the broker's acknowledgement
 * and deletes them, all in one transaction: a row is deleted only once published, and a
 * row whose transaction commits late is simply claimed by a later run, so none is ever
 * skipped. While Kafka is away the runs fail and the rows wait. A transaction advisory
 * lock keeps one relay at a time, so rows of a dyad are published in the order they were
 * written. Delivery is at least once: consumers drop repeats by {@code ce_id}.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final long RELAY_LOCK = 0x5741_5443_4802L;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaOperations<String, @Nullable String> kafka;

	private final AlertProperties properties;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean failing;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, @Nullable String> kafka,
			AlertProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * Publishes one batch.
	 * @return how many rows were published
	 * @throws RuntimeException when the broker did not acknowledge them; the rows stay
	 */
	int relayOnce() {
		Integer published = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<Row> rows = this.jdbc.query(
					"SELECT id, topic, message_key, headers, payload FROM outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
					(rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
							rs.getString("headers"), rs.getString("payload")),
					this.properties.relayBatchSize());
			if (rows.isEmpty()) {
				return 0;
			}
			send(rows);
			this.jdbc.update("DELETE FROM outbox WHERE id = ANY (?)",
					(Object) rows.stream().map(Row::id).toArray(Long[]::new));
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	private void send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, @Nullable String>>> sent = new ArrayList<>();
		for (Row row : rows) {
			ProducerRecord<String, @Nullable String> record = new ProducerRecord<>(row.topic(), row.key(),
					row.payload());
			readHeaders(row.headers())
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			try {
				sent.add(this.kafka.send(record));
			}
			catch (KafkaException ex) {
				throw new IllegalStateException("Kafka did not acknowledge " + rows.size() + " outbox rows", ex);
			}
		}
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
				.get(this.properties.relaySendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the outbox", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge " + rows.size() + " outbox rows", ex);
		}
	}

	private static Map<String, String> readHeaders(String json) {
		return EventJson.mapper().readValue(json, HEADERS);
	}

	private void relayQuietly() {
		try {
			while (relayOnce() == this.properties.relayBatchSize()) {
				// a full batch: more may be waiting
			}
			if (this.failing) {
				logger.info("Outbox relay publishes again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger.warn("Outbox relay cannot publish; rows wait for the next run: {}", ex.getMessage());
				this.failing = true;
			}
		}
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "outbox-relay");
				thread.setDaemon(true);
				return thread;
			});
			Duration interval = this.properties.relayInterval();
			this.scheduler.scheduleWithFixedDelay(this::relayQuietly, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			try {
				this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	private record Row(long id, String topic, String key, String headers, @Nullable String payload) {
	}

}
