package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.stancewatch.alert.AlertProperties;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.kafka.PublishedRecords;

/**
 * Publishes outbox rows to Kafka exactly once, in the order they were written, and
 * deletes them.
 *
 * <p>
 * A transaction advisory lock keeps one relay at a time across instances, so rows of a
 * dyad are published in order. Holding it, a run reads the oldest rows, marks them
 * claimed in a transaction of its own that commits before anything is sent, sends them,
 * waits for the broker's acknowledgements and deletes them. A row whose transaction
 * commits late is claimed by a later run, so none is ever skipped. While Kafka is away
 * the runs fail and the rows wait.
 *
 * <p>
 * A row found already claimed belongs to a run that died or failed between its claim and
 * its delete, and Kafka may hold it. Before sending such rows again the relay reads their
 * topic, read committed, from shortly before the earliest claim to the end
 * ({@link PublishedRecords}), deletes the rows it finds there (every record carries its
 * row id in a header) and sends only the others, still in id order. The lock means no
 * live relay can be sending a claimed row meanwhile. Rows never claimed before cost one
 * extra update and nothing else.
 *
 * <p>
 * The relay runs when a transaction that wrote to the outbox commits ({@link #wakeUp()}),
 * and every {@code relay-interval} for rows other instances wrote.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final long RELAY_LOCK = 0x5741_5443_4802L;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate ownTransaction;

	private final KafkaOperations<String, @Nullable String> kafka;

	private final AlertProperties properties;

	private final PublishedRecords publishedRecords;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile boolean failing;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaOperations<String, @Nullable String> kafka,
			AlertProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.kafka = kafka;
		this.properties = properties;
		this.publishedRecords = new PublishedRecords(kafka.getProducerFactory().getConfigurationProperties(),
				properties.relayRecoveryMargin(), properties.relaySendTimeout());
	}

	/**
	 * Publishes one batch, unless another relay is at work.
	 * @return how many rows were published or found published, and deleted
	 * @throws RuntimeException when the broker did not acknowledge them; the rows stay,
	 * claimed
	 */
	int relayOnce() {
		Integer published = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			// Not locked row by row: the advisory lock keeps other relays away, and a row
			// lock would block the claim's own transaction.
			List<Row> rows = this.jdbc.query(
					"SELECT id, topic, message_key, headers, payload, claimed_at FROM outbox ORDER BY id LIMIT ?",
					(rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
							readHeaders(rs.getString("headers")), rs.getString("payload"),
							(rs.getTimestamp("claimed_at") != null) ? rs.getTimestamp("claimed_at").toInstant() : null),
					this.properties.relayBatchSize());
			if (rows.isEmpty()) {
				return 0;
			}
			List<Row> toSend = notYetPublished(rows);
			if (!toSend.isEmpty()) {
				claim(toSend);
				send(toSend);
			}
			this.jdbc.update("DELETE FROM outbox WHERE id = ANY (?)", (Object) ids(rows));
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	/** The rows less the claimed ones that an earlier run did get into Kafka. */
	private List<Row> notYetPublished(List<Row> rows) {
		List<Row> claimed = rows.stream().filter((row) -> row.claimedAt() != null).toList();
		if (claimed.isEmpty()) {
			return rows;
		}
		Set<Long> found = claimed.stream()
			.collect(Collectors.groupingBy(Row::topic))
			.entrySet()
			.stream()
			.flatMap((topic) -> this.publishedRecords
				.find(topic.getKey(),
						topic.getValue()
							.stream()
							.filter((row) -> row.ceId() != null)
							.collect(Collectors.toMap(Row::id, Row::ceId)),
						topic.getValue().stream().map(Row::claimedAt).min(Comparator.naturalOrder()).orElseThrow())
				.stream())
			.collect(Collectors.toSet());
		logger.info("Outbox relay resumes {} rows of an interrupted run: {} already in Kafka, {} to send again",
				claimed.size(), found.size(), claimed.size() - found.size());
		return rows.stream().filter((row) -> !found.contains(row.id())).toList();
	}

	/** Marks the rows claimed and commits that before any of them is sent. */
	private void claim(List<Row> rows) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc
			.update("UPDATE outbox SET claimed_at = clock_timestamp() WHERE id = ANY (?)", (Object) ids(rows)));
	}

	private void send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, @Nullable String>>> sent = new ArrayList<>();
		for (Row row : rows) {
			ProducerRecord<String, @Nullable String> record = new ProducerRecord<>(row.topic(), row.key(),
					row.payload());
			row.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			record.headers().add(PublishedRecords.OUTBOX_ID, Long.toString(row.id()).getBytes(StandardCharsets.UTF_8));
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

	private static Long[] ids(List<Row> rows) {
		return rows.stream().map(Row::id).toArray(Long[]::new);
	}

	private static Map<String, String> readHeaders(String json) {
		return EventJson.mapper().readValue(json, HEADERS);
	}

	/**
	 * Relays now rather than at the next run: called when a transaction that wrote to the
	 * outbox commits. Wake-ups that come while one is pending are one wake-up.
	 */
	void wakeUp() {
		ScheduledExecutorService pool = this.scheduler;
		if (pool != null && this.wakeUpPending.compareAndSet(false, true)) {
			try {
				pool.execute(() -> {
					this.wakeUpPending.set(false);
					relayQuietly();
				});
			}
			catch (RejectedExecutionException ex) {
				this.wakeUpPending.set(false); // stopping
			}
		}
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
			ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "outbox-relay");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.properties.relayInterval().toMillis();
			pool.scheduleWithFixedDelay(this::relayQuietly, interval, interval, TimeUnit.MILLISECONDS);
			this.scheduler = pool;
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService pool = this.scheduler;
		if (pool != null) {
			this.scheduler = null;
			pool.shutdownNow();
			try {
				pool.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** An outbox row; claimed once a run set out to send it. */
	private record Row(long id, String topic, String key, Map<String, String> headers, @Nullable String payload,
			@Nullable Instant claimedAt) {

		@Nullable String ceId() {
			return this.headers.get(CloudEvent.ID);
		}

	}

}
