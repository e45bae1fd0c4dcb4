package org.stancewatch.ingest.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.IngestSettings;
import org.stancewatch.kafka.PublishedRecords;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka exactly once, and deletes them.
 *
 * <p>
 * One relay at a time, across all instances, holds a transaction advisory lock while it
 * works through a batch: it reads the oldest rows, marks them claimed in a transaction of
 * its own that commits before anything is sent, sends them, waits for the broker's
 * acknowledgements and deletes them. Rows are deleted rather than read past a remembered
 * "last id": identity values commit out of order, so a high-water mark could pass a row
 * whose transaction commits later.
 *
 * <p>
 * A row found already claimed belongs to an attempt that died or failed between its claim
 * and its delete (kill -9, Kafka or PostgreSQL lost), and Kafka may hold it. Before
 * sending such rows the relay reads their topic, read committed, from shortly before the
 * earliest claim to the end ({@link PublishedRecords}), deletes the rows it finds there
 * (every record carries its row id in a header) and sends only the others. The lock means
 * no live relay can still be sending a claimed row meanwhile. Rows never claimed before
 * cost one extra update and nothing else.
 *
 * <p>
 * The relay runs when a transaction that appended to the outbox commits
 * ({@link #wakeUp()}), and every idle delay for rows other instances wrote.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** Key of the advisory lock that keeps relays one at a time. */
	private static final long RELAY_LOCK = 0x5741_5443_4801L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate ownTransaction;

	private final KafkaTemplate<String, String> kafka;

	private final IngestSettings.Relay settings;

	private final PublishedRecords publishedRecords;

	private final Counter published;

	private final Counter recovered;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile Instant pausedUntil = Instant.MIN;

	private volatile @Nullable ScheduledExecutorService scheduler;

	OutboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaTemplate<String, String> kafka,
			IngestSettings settings, MeterRegistry meters) {
		Gauge.builder("stancewatch.ingest.outbox.backlog", this, OutboxRelay::backlog)
			.description("Outbox rows not yet acknowledged by Kafka")
			.register(meters);
		this.published = Counter.builder("stancewatch.ingest.outbox.published")
			.description("Outbox rows published to Kafka")
			.register(meters);
		this.recovered = Counter.builder("stancewatch.ingest.outbox.recovered")
			.description("Claimed outbox rows found already in Kafka and deleted without sending them again")
			.register(meters);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.kafka = kafka;
		this.settings = settings.relay();
		this.publishedRecords = new PublishedRecords(kafka.getProducerFactory().getConfigurationProperties(),
				this.settings.recoveryMargin(), this.settings.sendTimeout());
	}

	/**
	 * Publishes one batch, unless another relay is at work.
	 * @return how many rows were published or found published, and deleted
	 * @throws RuntimeException when Kafka or the database failed; the batch stays in the
	 * outbox, claimed
	 */
	int relayOnce() {
		Integer done = this.transactions.execute((status) -> {
			if (!Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(RELAY_LOCK)
				.query(Boolean.class)
				.single())) {
				return 0;
			}
			List<Outbox.Message> batch = oldest(this.settings.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			List<Outbox.Message> toSend = notYetPublished(batch);
			if (!toSend.isEmpty()) {
				claim(toSend);
				publish(toSend);
			}
			delete(batch);
			this.published.increment(toSend.size());
			return batch.size();
		});
		return (done != null) ? done : 0;
	}

	/**
	 * The oldest rows. Not locked: the advisory lock already keeps other relays away, and
	 * a row lock would block the claim's own transaction.
	 */
	private List<Outbox.Message> oldest(int limit) {
		return this.jdbc
			.sql("select id, topic, message_key, event_id, event_type, subject, payload, created_at, traceparent, "
					+ "claimed_at from outbox order by id limit ?")
			.param(limit)
			.query((rs, row) -> new Outbox.Message(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
					rs.getString("event_id"), rs.getString("event_type"), rs.getString("subject"),
					rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), rs.getString("traceparent"),
					(rs.getTimestamp("claimed_at") != null) ? rs.getTimestamp("claimed_at").toInstant() : null))
			.list();
	}

	/** The batch less the claimed rows that an earlier attempt did get into Kafka. */
	private List<Outbox.Message> notYetPublished(List<Outbox.Message> batch) {
		List<Outbox.Message> claimed = batch.stream().filter((message) -> message.claimedAt() != null).toList();
		if (claimed.isEmpty()) {
			return batch;
		}
		Set<Long> found = claimed.stream()
			.collect(Collectors.groupingBy(Outbox.Message::topic))
			.entrySet()
			.stream()
			.flatMap((topic) -> this.publishedRecords.find(topic.getKey(),
					topic.getValue().stream().collect(Collectors.toMap(Outbox.Message::id, Outbox.Message::eventId)),
					topic.getValue()
						.stream()
						.map(Outbox.Message::claimedAt)
						.min(Comparator.naturalOrder())
						.orElseThrow())
				.stream())
			.collect(Collectors.toSet());
		logger.info("Outbox relay resumes {} rows of an interrupted attempt: {} already in Kafka, {} to send again",
				claimed.size(), found.size(), claimed.size() - found.size());
		this.recovered.increment(found.size());
		return batch.stream().filter((message) -> !found.contains(message.id())).toList();
	}

	/** Marks the rows claimed and commits that before any of them is sent. */
	private void claim(List<Outbox.Message> rows) {
		this.ownTransaction.executeWithoutResult(
				(status) -> this.jdbc.sql("update outbox set claimed_at = clock_timestamp() where id = any(?)")
					.param(ids(rows))
					.update());
	}

	private void publish(List<Outbox.Message> batch) {
		List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
		for (Outbox.Message message : batch) {
			ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(),
					message.payload());
			message.cloudEvent()
				.toHeaders()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			record.headers()
				.add(PublishedRecords.OUTBOX_ID, Long.toString(message.id()).getBytes(StandardCharsets.UTF_8));
			if (message.traceparent() != null) {
				record.headers().add(TraceParent.HEADER, message.traceparent().getBytes(StandardCharsets.UTF_8));
			}
			acks.add(this.kafka.send(record));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
			.orTimeout(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.join();
	}

	private void delete(List<Outbox.Message> batch) {
		this.jdbc.sql("delete from outbox where id = any(?)").param(ids(batch)).update();
	}

	private static Long[] ids(List<Outbox.Message> rows) {
		return rows.stream().map(Outbox.Message::id).toArray(Long[]::new);
	}

	private double backlog() {
		return this.jdbc.sql("select count(*) from outbox").query(Long.class).single();
	}

	/**
	 * Relays now rather than at the next poll: called when a transaction that appended to
	 * the outbox commits. Wake-ups that come while one is pending are one wake-up.
	 */
	void wakeUp() {
		ScheduledExecutorService pool = this.scheduler;
		if (pool != null && this.wakeUpPending.compareAndSet(false, true)) {
			try {
				pool.execute(() -> {
					this.wakeUpPending.set(false);
					relayUntilIdle();
				});
			}
			catch (RejectedExecutionException ex) {
				this.wakeUpPending.set(false); // stopping
			}
		}
	}

	private void relayUntilIdle() {
		if (Instant.now().isBefore(this.pausedUntil)) {
			return;
		}
		try {
			while (relayOnce() == this.settings.batchSize() && isRunning()) {
				// a full batch: more may be waiting
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay could not publish, retrying in {}: {}", this.settings.errorDelay(),
					ex.getMessage());
			this.pausedUntil = Instant.now().plus(this.settings.errorDelay());
		}
	}

	@Override
	public synchronized void start() {
		if (!this.settings.enabled() || this.scheduler != null) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("outbox-relay-"));
		// At once, for rows left by an earlier run; then every idle delay, for rows other
		// instances wrote (this instance's own commits wake it).
		this.scheduler.scheduleWithFixedDelay(this::relayUntilIdle, 0, this.settings.idleDelay().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService pool = this.scheduler;
		if (pool != null) {
			this.scheduler = null;
			pool.shutdown();
			try {
				if (!pool.awaitTermination(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
					pool.shutdownNow();
				}
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

}
