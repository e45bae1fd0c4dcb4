package org.stancewatch.alert.eventstore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.Level;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.StanceShift.Kind;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;
import org.stancewatch.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * The alert service against a real broker and a real database: relation changes in,
 * stances and shifts out through the outbox, the read API and the rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.consumer.group-id=alert-flow-${random.uuid}",
				"stancewatch.alert.admin-key=flow-admin-key", "stancewatch.alert.relay-interval=100ms" })
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
@DirtiesContext
class RelationChangeFlowIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static RelationChangeSender sender;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ShiftsSeenInTransaction delivery;

	@Autowired
	private ObservationProcessor processor;

	@Value("${local.server.port}")
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void connect() {
		sender = new RelationChangeSender(TestInfrastructure.kafkaBootstrapServers());
	}

	@AfterAll
	static void disconnect() {
		sender.close();
	}

	@Test
	void shouldSendOneShiftWithTwoIndependentSourcesWhenThreeOutletsReportRecognition() {
		sender.send(report("RU", Action.RECOGNIZE_GOVERNMENT).on(TODAY).article("ru-wire-1", "wire.example").build());
		sender.send(report("RU", Action.RECOGNIZE_GOVERNMENT).on(TODAY)
			.copyOf("ru-wire-1", "ru-mirror-1", "mirror.example")
			.build());
		sender.send(report("RU", Action.RECOGNIZE_GOVERNMENT).on(TODAY.minusDays(1))
			.article("ru-daily-1", "daily.example")
			.build());

		List<StanceShift> shifts = awaitShifts("RU>AF",
				(read) -> !read.isEmpty() && read.get(read.size() - 1).sources().size() == 2);

		assertThat(shifts).extracting(StanceShift::shiftId)
			.as("one shift, corroborated")
			.containsOnly(shifts.get(0).shiftId());
		StanceShift shift = shifts.get(shifts.size() - 1);
		assertThat(shift.kind()).isEqualTo(Kind.SHIFT);
		assertThat(shift.from()).isEqualTo(Level.DISTANT);
		assertThat(shift.to()).isEqualTo(Level.RECOGNIZED);
		assertThat(shift.late()).isFalse();
		assertThat(shift.sources()).extracting(StanceShift.Source::site)
			.containsExactly("wire.example", "daily.example");
		assertThat(awaitStance("RU>AF", Level.RECOGNIZED).recognition()).isEqualTo(DyadStance.Recognition.FORMAL);
		assertThat(this.delivery.shifts).filteredOn((seen) -> seen.actor().equals("RU"))
			.extracting(StanceShift::shiftId)
			.containsOnly(shift.shiftId());
		assertThat(this.delivery.inTransaction).as("delivery writes its rows in the event store's transaction")
			.containsOnly(true);
	}

	@Test
	void shouldEmitACorroboratedShiftOnceWithEverySourceWhenOneBatchCarriesTheStoryFromManyOutlets() {
		List<RelationChange> batch = List.of(
				report("AZ", Action.ACCEPT_AMBASSADOR).on(TODAY).article("az-1", "first.example").build(),
				report("AZ", Action.ACCEPT_AMBASSADOR).on(TODAY).article("az-2", "second.example").build(),
				report("AZ", Action.ACCEPT_AMBASSADOR).on(TODAY).article("az-3", "third.example").build(),
				report("AZ", Action.ACCEPT_AMBASSADOR).on(TODAY).article("az-4", "fourth.example").build());

		this.processor.process(batch);

		assertThat(this.delivery.shifts).filteredOn((seen) -> seen.actor().equals("AZ"))
			.as("the new shift with its first source, then one update with every source, not one per source")
			.extracting((seen) -> seen.sources().size())
			.containsExactly(1, 4);
		List<StanceShift> published = awaitShifts("AZ>AF", (read) -> read.size() >= 2);
		assertThat(published).extracting((shift) -> shift.sources().size()).containsExactly(1, 4);
		assertThat(published.get(1).sources()).extracting(StanceShift.Source::site)
			.containsExactly("first.example", "second.example", "third.example", "fourth.example");

		this.processor.process(
				List.of(report("AZ", Action.ACCEPT_AMBASSADOR).on(TODAY).article("az-5", "fifth.example").build()));

		assertThat(this.delivery.shifts).filteredOn((seen) -> seen.actor().equals("AZ"))
			.as("a later batch updates the stored shift again")
			.extracting((seen) -> seen.sources().size())
			.containsExactly(1, 4, 5);
	}

	@Test
	void shouldRaiseNothingForBackgroundRepeatsAndDoubtfulReports() {
		sender.send(report("CN", Action.ACCEPT_AMBASSADOR).on(TODAY).article("cn-1", "wire.example").build());
		awaitStance("CN>AF", Level.NORMALIZED);
		sender.send(report("CN", Action.ACCEPT_AMBASSADOR).undated()
			.background()
			.article("cn-2", "weekly.example")
			.build());
		sender.send(report("CN", Action.RECOGNIZE_GOVERNMENT).on(TODAY)
			.confidence(0.3)
			.article("cn-3", "rumours.example")
			.build());
		sender.send(
				report("CN", Action.RECOGNIZE_GOVERNMENT).intended().on(TODAY).article("cn-4", "wire.example").build());

		List<StanceShift> shifts = awaitShifts("CN>AF",
				(read) -> read.stream().anyMatch((s) -> s.kind() == Kind.SIGNAL));

		assertThat(shifts).extracting(StanceShift::kind, StanceShift::to)
			.as("the background repeat only corroborates; the doubtful report commits nothing")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.SHIFT, Level.NORMALIZED),
					org.assertj.core.groups.Tuple.tuple(Kind.SHIFT, Level.NORMALIZED),
					org.assertj.core.groups.Tuple.tuple(Kind.SIGNAL, Level.NORMALIZED));
		assertThat(shifts.get(1).sources()).extracting(StanceShift.Source::site)
			.containsExactly("wire.example", "weekly.example");
		assertThat(currentStance("CN>AF").recognition()).isEqualTo(DyadStance.Recognition.NONE);
		assertThat(currentStance("CN>AF").level()).isEqualTo(Level.NORMALIZED);
	}

	@Test
	void shouldApplyTheSameRecordOnceWhenKafkaDeliversItTwice() {
		double duplicatesBefore = this.meters.counter("stancewatch.alert.events.duplicates").count();
		RelationChange change = report("UZ", Action.DELIST_TERRORIST).on(TODAY).article("uz-1", "wire.example").build();
		sender.send(change);
		sender.send(change);

		await().atMost(WAIT)
			.until(() -> this.meters.counter("stancewatch.alert.events.duplicates").count() >= duplicatesBefore + 1);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM relation_change_event WHERE dyad = 'UZ>AF'",
				Integer.class))
			.isOne();
		List<StanceShift> shifts = awaitShifts("UZ>AF", (read) -> !read.isEmpty());
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.STANCE_SHIFTS)) {
			assertThat(reader.readFor(Duration.ofSeconds(2))).filteredOn((record) -> "UZ>AF".equals(record.key()))
				.hasSize(1);
		}
		assertThat(shifts.get(0).to()).isEqualTo(Level.ENGAGED);
	}

	@Test
	void shouldDeadLetterUnreadableRecordsWithTheReasonAndCarryOn() {
		CloudEvent event = CloudEvent.of(EventType.RELATION_CHANGE, "poison-1", "/test", java.time.Instant.now(),
				"TJ>AF");
		sender.sendRaw("TJ>AF", "{ this is not json", event.toHeaders());
		RelationChange contradictory = report("TJ", Action.OPEN_EMBASSY).article("tj-bad", "wire.example").build();
		String flipped = EventJson.writeString(contradictory).replace("\"WARMING\"", "\"COOLING\"");
		sender.sendRaw("TJ>AF", flipped, event.toHeaders());
		sender.send(report("TJ", Action.OPEN_EMBASSY).on(TODAY).article("tj-good", "wire.example").build());

		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
				Topics.deadLetter(Topics.RELATION_CHANGES))) {
			List<ConsumerRecord<String, String>> dead = reader.awaitUntil((read) -> reasons(read).size() >= 2, WAIT);
			assertThat(reasons(dead)).anySatisfy((reason) -> assertThat(reason).contains("not a RelationChange"))
				.anySatisfy(
						(reason) -> assertThat(reason).contains("direction COOLING contradicts action OPEN_EMBASSY"));
		}
		assertThat(awaitStance("TJ>AF", Level.ENGAGED).representation()).isEqualTo(DyadStance.Representation.ENVOY);
	}

	@Test
	void shouldRebuildStancesEqualToTheLiveOnesByteForByte() throws Exception {
		sender.send(report("KZ", Action.LIST_TERRORIST).on(2019, 5, 2).article("kz-1", "wire.example").build());
		sender
			.send(report("KZ", Action.DELIST_TERRORIST).on(TODAY.minusDays(3)).article("kz-2", "wire.example").build());
		sender.send(report("KZ", Action.SIGN_AGREEMENT).on(TODAY).article("kz-3", "daily.example").build());
		await().atMost(WAIT).until(() -> currentStanceOrNull("KZ>AF") != null && currentStance("KZ>AF").events() == 3);
		Map<String, String> live = stancesInDatabase();

		HttpResponse<String> refused = post("/api/admin/rebuild", "wrong-key");
		HttpResponse<String> rebuilt = post("/api/admin/rebuild", "flow-admin-key");

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(rebuilt.statusCode()).isEqualTo(200);
		JsonNode result = EventJson.mapper().readTree(rebuilt.body());
		assertThat(result.get("changed").asInt()).isZero();
		assertThat(result.get("stances").asInt()).isEqualTo(live.size());
		assertThat(stancesInDatabase()).isEqualTo(live).containsKey("KZ>AF");
		assertThatException().isThrownBy(() -> this.jdbc.update("DELETE FROM relation_change_event"))
			.withMessageContaining("append-only");
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.STANCE)) {
			List<ConsumerRecord<String, String>> published = reader
				.awaitUntil((read) -> live.get("KZ>AF").equals(lastValue(read, "KZ>AF")), WAIT);
			assertThat(lastValue(published, "KZ>AF")).as("the compacted topic holds the stance as stored")
				.isEqualTo(live.get("KZ>AF"));
		}
	}

	@Test
	void shouldServeStancesHistoryAndShiftsAsJson() throws Exception {
		sender.send(report("PK", Action.CLOSE_EMBASSY).on(TODAY.minusDays(40)).article("pk-1", "wire.example").build());
		sender.send(report("PK", Action.OPEN_EMBASSY).on(TODAY.minusDays(2)).article("pk-2", "wire.example").build());
		sender.send(report("PK", Action.OPEN_EMBASSY).on(TODAY.minusDays(1)).article("pk-3", "daily.example").build());
		await().atMost(WAIT)
			.until(() -> currentStanceOrNull("PK>AF") != null && currentStance("PK>AF").level() == Level.ENGAGED
					&& shiftSources("PK>AF") == 2);

		JsonNode stances = getJson("/api/stances", 200);
		JsonNode history = getJson("/api/stances/PK", 200);
		JsonNode shifts = getJson("/api/shifts?since=" + TODAY.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				200);

		assertThat(stances.valueStream().map((stance) -> stance.get("actor").asString())).contains("PK");
		assertThat(history.get("current").get("level").asString()).isEqualTo("ENGAGED");
		assertThat(history.get("acts").valueStream().map((act) -> act.get("action").asString()))
			.containsExactly("CLOSE_EMBASSY", "OPEN_EMBASSY");
		assertThat(history.get("acts").get(1).get("sources").size()).isEqualTo(2);
		assertThat(history.get("acts").get(1).get("reports").asInt()).isEqualTo(2);
		assertThat(history.get("levels").get(0).get("to").asString()).isEqualTo("ENGAGED");
		assertThat(shifts.valueStream().filter((shift) -> shift.get("actor").asString().equals("PK"))).singleElement()
			.satisfies((shift) -> assertThat(shift.get("sources").size()).isEqualTo(2));

		assertThat(getJson("/api/stances/pk", 400).get("detail").asString()).contains("ISO 3166-1");
		assertThat(getJson("/api/stances/NO", 404).get("detail").asString()).contains("NO toward AF");
		assertThat(getJson("/api/shifts?since=yesterday", 400).get("status").asInt()).isEqualTo(400);
	}

	private int shiftSources(String dyad) {
		List<String> shifts = this.jdbc.queryForList("SELECT shift FROM stance_shift WHERE dyad = ?", String.class,
				dyad);
		return shifts.isEmpty() ? 0 : EventJson.read(shifts.get(0), StanceShift.class).sources().size();
	}

	private List<StanceShift> awaitShifts(String dyad, java.util.function.Predicate<List<StanceShift>> condition) {
		try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrapServers(), Topics.STANCE_SHIFTS)) {
			List<ConsumerRecord<String, String>> read = reader
				.awaitUntil((records) -> condition.test(shiftsOf(records, dyad)), WAIT);
			List<StanceShift> shifts = shiftsOf(read, dyad);
			assertThat(condition.test(shifts)).as("shifts of %s: %s", dyad, shifts).isTrue();
			return shifts;
		}
	}

	private static List<StanceShift> shiftsOf(List<ConsumerRecord<String, String>> records, String dyad) {
		return records.stream()
			.filter((record) -> dyad.equals(record.key()))
			.map((record) -> EventJson.read(record.value(), StanceShift.class))
			.toList();
	}

	private DyadStance awaitStance(String dyad, Level level) {
		await().atMost(WAIT).until(() -> {
			DyadStance stance = currentStanceOrNull(dyad);
			return stance != null && stance.level() == level;
		});
		return currentStance(dyad);
	}

	private DyadStance currentStance(String dyad) {
		DyadStance stance = currentStanceOrNull(dyad);
		assertThat(stance).as("stance of " + dyad).isNotNull();
		return stance;
	}

	private DyadStance currentStanceOrNull(String dyad) {
		List<String> json = this.jdbc.queryForList("SELECT stance FROM dyad_stance WHERE dyad = ?", String.class, dyad);
		return json.isEmpty() ? null : EventJson.read(json.get(0), DyadStance.class);
	}

	private Map<String, String> stancesInDatabase() {
		Map<String, String> stances = new LinkedHashMap<>();
		this.jdbc.query("SELECT dyad, stance FROM dyad_stance ORDER BY dyad",
				(RowCallbackHandler) (rs) -> stances.put(rs.getString(1), rs.getString(2)));
		return stances;
	}

	private static String lastValue(List<ConsumerRecord<String, String>> records, String key) {
		String value = null;
		for (ConsumerRecord<String, String> record : records) {
			if (key.equals(record.key())) {
				value = record.value();
			}
		}
		return value;
	}

	private static List<String> reasons(List<ConsumerRecord<String, String>> records) {
		return records.stream()
			.filter((record) -> "TJ>AF".equals(record.key()))
			.map((record) -> TopicReader.header(record, "kafka_dlt-exception-message"))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private JsonNode getJson(String path, int status) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		return EventJson.mapper().readTree(response.body());
	}

	private HttpResponse<String> post(String path, String adminKey) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + adminKey)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DeliveryStandIn {

		@Bean
		ShiftsSeenInTransaction shiftsSeenInTransaction() {
			return new ShiftsSeenInTransaction();
		}

	}

}
