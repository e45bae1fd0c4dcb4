package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.Topics;

import static org.awaitility.Awaitility.await;

/**
 * Plays ingest-service: creates the articles topic (its owner creates it, not the extract
 * service) and writes records to it, good and bad.
 */
final class ArticlesTopic implements AutoCloseable {

	static final int PARTITIONS = 6;

	private final KafkaProducer<String, byte[]> producer;

	private ArticlesTopic(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Creates the topic unless it exists, then opens a producer to it. */
	static ArticlesTopic open(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(Topics.ARTICLES, PARTITIONS, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create " + Topics.ARTICLES, ex);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create " + Topics.ARTICLES, ex);
		}
		return new ArticlesTopic(bootstrapServers);
	}

	/** Waits until the service under test has created a topic, before reading it. */
	static void awaitTopic(String bootstrapServers, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			await().atMost(Duration.ofMinutes(2))
				.until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
		}
	}

	/** As ingest-service writes it: JSON value, CloudEvents headers. */
	void sendWithCloudEventHeaders(Article article, int partition) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES, partition, article.id(),
				EventJson.write(article));
		CloudEvent.of(EventType.ARTICLE, article.id(), "/stancewatch/ingest-service", Instant.now(), article.id())
			.toHeaders()
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		send(record);
	}

	/** Plain JSON, no headers at all. */
	void sendPlain(Article article, int partition) {
		send(plain(article, partition));
	}

	/**
	 * Writes records in one producer transaction, so that a read-committed consumer sees
	 * them all at once and its next poll returns them together, as one batch.
	 */
	static void sendInOneTransaction(String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "articles-topic-" + UUID.randomUUID()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			records.forEach(producer::send);
			producer.commitTransaction();
		}
	}

	static ProducerRecord<String, byte[]> plain(Article article, int partition) {
		return new ProducerRecord<>(Topics.ARTICLES, partition, article.id(), EventJson.write(article));
	}

	void sendRaw(String key, byte @Nullable [] value, int partition) {
		send(new ProducerRecord<>(Topics.ARTICLES, partition, key, value));
	}

	void sendRaw(String key, String value, int partition) {
		sendRaw(key, value.getBytes(StandardCharsets.UTF_8), partition);
	}

	private void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write to " + Topics.ARTICLES, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
