package org.stancewatch.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a downstream team sees: a plain kafka-clients consumer and a generic JSON parser,
 * no stancewatch classes, read a record written the way the services write it.
 */
class CloudEventKafkaIT {

	@Test
	void aPlainConsumerReadsTheCloudEventsHeadersAndTheJsonValue() throws Exception {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		String topic = "contracts-it-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		RelationChange change = EventFixtures.aRecognition("RU");
		CloudEvent event = CloudEvent.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service",
				Instant.parse("2025-07-04T08:31:00Z"), change.dyad().toString());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, change.dyad().toString(),
					EventJson.write(change));
			event.toHeaders()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get();
		}

		try (TopicReader reader = new TopicReader(bootstrap, topic)) {
			ConsumerRecord<String, String> read = reader.awaitAtLeast(1, Duration.ofSeconds(30)).get(0);
			assertThat(read.key()).isEqualTo("RU>AF");
			assertThat(TopicReader.header(read, "ce_specversion")).isEqualTo("1.0");
			assertThat(TopicReader.header(read, "ce_type")).isEqualTo("org.stancewatch.relation-change.v1");
			assertThat(TopicReader.header(read, "ce_id")).isEqualTo(change.eventId());
			assertThat(TopicReader.header(read, "ce_subject")).isEqualTo("RU>AF");
			assertThat(TopicReader.header(read, "content-type")).isEqualTo("application/json");
			JsonNode value = JsonMapper.shared().readTree(read.value());
			assertThat(value.get("actor").asString()).isEqualTo("RU");
			assertThat(value.get("action").asString()).isEqualTo("RECOGNIZE_GOVERNMENT");
			assertThat(value.get("occurredOn").asString()).isEqualTo("2025-07-03");
		}
	}

}
