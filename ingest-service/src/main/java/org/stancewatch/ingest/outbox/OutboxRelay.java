package org.stancewatch.ingest.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.IngestSettings;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka and deletes them once Kafka acknowledged them.
 *
 * <p>
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and deleted in the same
 * transaction after the broker's acknowledgement, rather than read past a remembered
 * "last id": identity values commit out of order, so a high-water mark can pass a row
 * whose transaction commits later. A claimed row is either deleted after Kafka has it or,
 * on any failure or crash, stays for the next round: at most a duplicate with the same
 * key and {@code ce_id}, which consumers drop. Several instances share the work without
 * sending a row twice at the same time.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final IngestSettings.Relay settings;

	private final Counter published;

	private volatile boolean running;

	private Thread thread;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			IngestSettings settings, MeterRegistry meters, Outbox outbox) {
		Gauge.builder("stancewatch.ingest.outbox.backlog", outbox::backlog)
			.description("Outbox rows not yet acknowledged by Kafka")
			.register(meters);
		this.published = Counter.builder("stancewatch.ingest.outbox.published")
			.description("Outbox rows published to Kafka")
			.register(meters);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.settings = settings.relay();
	}

	/**
	 * Publishes one batch.
	 * @return how many rows were published and deleted
	 * @throws RuntimeException when Kafka or the database failed; the batch stays in the
	 * outbox
	 */
	int relayOnce() {
		Integer published = this.transactions.execute((status) -> {
			List<Outbox.Message> batch = claim(this.settings.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			publish(batch);
			delete(batch);
			this.published.increment(batch.size());
			return batch.size();
		});
		return (published != null) ? published : 0;
	}

	List<Outbox.Message> claim(int limit) {
		return this.jdbc
			.sql("select id, topic, message_key, event_id, event_type, subject, payload, created_at, traceparent "
					+ "from outbox order by id limit ? for update skip locked")
			.param(limit)
			.query((rs, row) -> new Outbox.Message(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
					rs.getString("event_id"), rs.getString("event_type"), rs.getString("subject"),
					rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), rs.getString("traceparent")))
			.list();
	}

	void publish(List<Outbox.Message> batch) {
		List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
		for (Outbox.Message message : batch) {
			ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(),
					message.payload());
			message.cloudEvent()
				.toHeaders()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
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
		this.jdbc.sql("delete from outbox where id = any(?)")
			.param(batch.stream().mapToLong(Outbox.Message::id).boxed().toArray(Long[]::new))
			.update();
	}

	private void loop() {
		while (this.running) {
			try {
				if (relayOnce() == 0) {
					pause(this.settings.idleDelay().toMillis());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Outbox relay could not publish, retrying in {}: {}", this.settings.errorDelay(),
						ex.getMessage());
				pause(this.settings.errorDelay().toMillis());
			}
		}
	}

	private void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::loop, "outbox-relay");
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(this.settings.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
