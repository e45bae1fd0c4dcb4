package org.stancewatch.ingest.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article keeps the trace of the request that brought it: the outbox stores the trace
 * context and the relay sends it as the record's {@code traceparent}, so extract- and
 * alert-service continue the same trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "stancewatch.ingest.poll.enabled=false")
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
@AutoConfigureTracing
class TraceHeaderIT {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@LocalServerPort
	int port;

	@Test
	void shouldPublishAnArticleWithTheTraceOfTheRequestThatPostedIt() throws Exception {
		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/articles"))
				.header("Content-Type", "application/json")
				.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
				.POST(HttpRequest.BodyPublishers.ofString(
						"""
								{"url":"https://desk.example.org/trace-me","title":"Irrigation canal reopens",
								 "text":"Farmers in the north said the repaired canal would water their orchards again this spring."}"""))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(201);
		String id = EventJson.mapper().readTree(posted.body()).get("id").asString();

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.ARTICLES)) {
			List<ConsumerRecord<String, String>> records = reader.awaitUntil(
					(all) -> all.stream().anyMatch((record) -> id.equals(record.key())), Duration.ofSeconds(30));
			ConsumerRecord<String, String> article = records.stream()
				.filter((record) -> id.equals(record.key()))
				.findFirst()
				.orElseThrow();
			assertThat(TopicReader.header(article, "traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
		}
	}

}
