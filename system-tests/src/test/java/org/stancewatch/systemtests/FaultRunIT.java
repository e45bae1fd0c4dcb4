package org.stancewatch.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.StanceShift;
import org.stancewatch.contracts.Topics;
import org.stancewatch.systemtests.Dispatches.Dispatch;
import org.stancewatch.systemtests.Dispatches.ExpectedShift;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.Stack;
import org.stancewatch.testsupport.TestInfrastructure.Database;
import org.stancewatch.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 2,000 articles stream through while each service in turn is killed with SIGKILL and
 * restarted, the broker is killed and restarted, and the database is stopped and started.
 * Afterwards every event exists exactly once in the topics (read committed; no
 * {@code ce_id} twice on the articles, relation-changes and stance-shifts topics): each
 * article once, each article's one relation change once, each version of a shift once.
 * The event store holds each event exactly once, every state shifted exactly once, and
 * each subscription got every shift exactly once (one {@code webhook-id} per shift, one
 * shift per {@code webhook-id}), signed with its secret.
 */
class FaultRunIT {

	private static final Duration STEP = Duration.ofMinutes(3);

	private static final Dispatches DISPATCHES = new Dispatches(80, 20, 400,
			LocalDate.now(ZoneOffset.UTC).minusDays(2));

	/** Dead consumers leave their group in seconds, not the default 45 s. */
	private static final String FAST_GROUPS = """
			{"spring.kafka.consumer.properties.session.timeout.ms": 10000,
			 "spring.kafka.consumer.properties.heartbeat.interval.ms": 2000}""";

	private static Stack stack;

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startEverything() {
		receiver = new WebhookReceiver();
		stack = Stack.start(Stack.repositoryRoot(), Stack.newWorkDirectory(), Map.of(Stack.Service.EXTRACT,
				Map.of("SPRING_APPLICATION_JSON", FAST_GROUPS), Stack.Service.ALERT,
				Map.of("SPRING_APPLICATION_JSON", FAST_GROUPS, "STANCEWATCH_ALERT_DELIVERY_WEBHOOKTIMEOUT", "4s",
						"STANCEWATCH_ALERT_DELIVERY_LEASE", "10s", "STANCEWATCH_ALERT_DELIVERY_RETRYSCHEDULE",
						"1s,2s,3s,5s,5s,5s,5s,5s,5s,5s", "STANCEWATCH_ALERT_DELIVERY_POLLINTERVAL", "200ms")));
	}

	@AfterAll
	static void stopEverything() {
		if (stack != null) {
			stack.close();
		}
		receiver.close();
	}

	@Test
	void nothingIsLostOrRepeatedWhenEveryPartFails() throws Exception {
		String apiKey = Api
			.post(stack.alert().baseUrl() + "/api/subscribers", Stack.ADMIN_KEY, Map.of("name", "wire desk"))
			.get("apiKey")
			.asString();
		Map<String, WebhookVerifier> verifiers = new HashMap<>();
		for (String desk : List.of("desk-a", "desk-b")) {
			JsonNode subscription = Api.post(stack.alert().baseUrl() + "/api/subscriptions", apiKey,
					Map.of("channel", Map.of("type", "WEBHOOK", "url", receiver.url(desk))));
			verifiers.put("/hooks/" + desk, new WebhookVerifier(subscription.get("webhookSecret").asString()));
		}
		List<Dispatch> dispatches = DISPATCHES.all();
		// Ten a second: a restart on a busy machine takes half a minute, and the stream
		// must
		// still be flowing when the next fault comes, down to the database stop.
		try (ArticleLoader loader = new ArticleLoader(stack.ingest().baseUrl(), dispatches, 10)) {
			killAndRestartWhen(loader::accepted, 200, stack.ingest());
			killAndRestartWhen(loader::accepted, 400, stack.extract());
			killAndRestartWhen(loader::accepted, 600, stack.alert());
			awaitAccepted(loader::accepted, 800);
			stack.broker().kill();
			awaitAccepted(loader::accepted, 900);
			stack.broker().start();
			awaitAccepted(loader::accepted, 1100);
			int failuresBefore = loader.failures();
			stack.postgres().stop();
			// Ingest answers errors while its database is away; the loader sends again.
			await().atMost(STEP).until(() -> loader.failures() > failuresBefore);
			stack.postgres().start();
			await().atMost(STEP).until(loader::done);
		}

		assertEveryArticleIsOnTheTopicOnce(dispatches);
		List<RelationChange> changes = awaitRelationChanges(DISPATCHES.acts());
		assertEveryArticleGaveItsOneChange(dispatches, changes);
		assertTheEventStoreHoldsEachOnce(changes);
		List<StanceShift> shifts = awaitShifts();
		assertThat(shifts).extracting((s) -> new ExpectedShift(s.actor(), s.from(), s.to()))
			.containsExactlyInAnyOrderElementsOf(DISPATCHES.shifts());
		Set<String> shiftIds = shifts.stream().map(StanceShift::shiftId).collect(Collectors.toSet());
		await().atMost(STEP)
			.until(() -> deliveredShifts("/hooks/desk-a").size() == shiftIds.size()
					&& deliveredShifts("/hooks/desk-b").size() == shiftIds.size());
		// Late repeats would show up now: none may bring a new webhook-id.
		await().during(Duration.ofSeconds(15))
			.atMost(Duration.ofSeconds(20))
			.until(() -> deliveredShifts("/hooks/desk-a").size() == shiftIds.size()
					&& deliveredShifts("/hooks/desk-b").size() == shiftIds.size());
		for (String desk : verifiers.keySet()) {
			assertDeliveredOncePerShift(desk, verifiers.get(desk), shiftIds);
		}
	}

	private static void killAndRestartWhen(IntSupplier accepted, int threshold, ServiceProcess service) {
		awaitAccepted(accepted, threshold);
		service.kill();
		service.restart();
	}

	private static void awaitAccepted(IntSupplier accepted, int threshold) {
		await().atMost(STEP).until(() -> accepted.getAsInt() >= threshold);
	}

	private static void assertEveryArticleIsOnTheTopicOnce(List<Dispatch> dispatches) {
		try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), Topics.ARTICLES)) {
			reader.awaitUntil((read) -> read.stream().map(FaultRunIT::ceId).distinct().count() >= dispatches.size(),
					STEP);
			// Anything published twice would arrive within these seconds.
			List<ConsumerRecord<String, String>> records = reader.readFor(Duration.ofSeconds(5));
			assertNoCeIdTwice(Topics.ARTICLES, records);
			assertThat(records).as("one record per article sent").hasSize(dispatches.size());
			assertThat(records).extracting((r) -> EventJson.mapper().readTree(r.value()).get("url").asString())
				.containsExactlyInAnyOrderElementsOf(dispatches.stream().map(Dispatch::url).toList());
		}
	}

	private static List<RelationChange> awaitRelationChanges(long expected) {
		try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), Topics.RELATION_CHANGES)) {
			reader.awaitUntil((read) -> read.stream().map(FaultRunIT::ceId).distinct().count() >= expected, STEP);
			// Anything published twice would arrive within these seconds.
			List<ConsumerRecord<String, String>> records = reader.readFor(Duration.ofSeconds(5));
			assertNoCeIdTwice(Topics.RELATION_CHANGES, records);
			assertThat(records).as("one record per act reported").hasSize((int) expected);
			return records.stream().map((r) -> EventJson.read(r.value(), RelationChange.class)).toList();
		}
	}

	/** Each article yields exactly its one event, and no article unsent yields one. */
	private static void assertEveryArticleGaveItsOneChange(List<Dispatch> dispatches, List<RelationChange> changes) {
		Map<String, List<RelationChange>> byUrl = changes.stream()
			.collect(Collectors.groupingBy(RelationChange::articleUrl));
		List<String> problems = new ArrayList<>();
		for (Dispatch dispatch : dispatches) {
			List<RelationChange> found = byUrl.getOrDefault(dispatch.url(), List.of());
			int expected = (dispatch.actor() != null) ? 1 : 0;
			if (found.size() != expected || (expected == 1 && (!found.get(0).actor().equals(dispatch.actor())
					|| found.get(0).action() != dispatch.action()))) {
				problems.add(dispatch.url() + " -> " + found);
			}
		}
		assertThat(problems).as("articles without exactly their one relation change").isEmpty();
		assertThat(byUrl.keySet()).as("relation changes of articles never sent")
			.isSubsetOf(dispatches.stream().map(Dispatch::url).toList());
		assertThat(changes).extracting(RelationChange::eventId).doesNotHaveDuplicates();
	}

	private static void assertNoCeIdTwice(String topic, List<ConsumerRecord<String, String>> records) {
		Map<String, Long> repeated = records.stream()
			.collect(Collectors.groupingBy(FaultRunIT::ceId, Collectors.counting()))
			.entrySet()
			.stream()
			.filter((count) -> count.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		System.out.printf("%s: %d records, %d ce_id repeated%n", topic, records.size(), repeated.size());
		assertThat(repeated).as(topic + ": ce_id published more than once, with how often").isEmpty();
	}

	private static String ceId(ConsumerRecord<String, String> record) {
		return String.valueOf(TopicReader.header(record, "ce_id"));
	}

	private static void assertTheEventStoreHoldsEachOnce(List<RelationChange> changes) throws SQLException {
		List<String> stored = query("SELECT event_id FROM relation_change_event", (rs) -> rs.getString(1));
		assertThat(stored).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(changes.stream().map(RelationChange::eventId).distinct().toList());
	}

	private static List<StanceShift> awaitShifts() throws SQLException {
		await().atMost(STEP)
			.until(() -> query("SELECT shift_id FROM stance_shift", (rs) -> rs.getString(1))
				.size() >= DISPATCHES.shifts().size());
		List<StanceShift> stored = query("SELECT shift FROM stance_shift",
				(rs) -> EventJson.read(rs.getString(1), StanceShift.class));
		try (TopicReader reader = new TopicReader(stack.broker().bootstrapServers(), Topics.STANCE_SHIFTS)) {
			Set<String> ids = stored.stream().map(StanceShift::shiftId).collect(Collectors.toSet());
			reader.awaitUntil((read) -> read.stream()
				.map((r) -> EventJson.read(r.value(), StanceShift.class).shiftId())
				.collect(Collectors.toSet())
				.containsAll(ids), STEP);
			// Anything published twice would arrive within these seconds.
			List<ConsumerRecord<String, String>> published = reader.readFor(Duration.ofSeconds(5));
			// Corroboration republishes a shift with more sources: each version is a new
			// event of a stored shift, published once.
			System.out.printf("Stance shifts: %d records, %d distinct versions, %d shifts%n", published.size(),
					published.stream().map(ConsumerRecord::value).distinct().count(), ids.size());
			assertNoCeIdTwice(Topics.STANCE_SHIFTS, published);
			assertThat(published).extracting(ConsumerRecord::value).as("each version once").doesNotHaveDuplicates();
			assertThat(published).extracting((r) -> EventJson.read(r.value(), StanceShift.class).shiftId())
				.containsOnlyElementsOf(ids);
		}
		return stored;
	}

	private static Map<String, String> deliveredShifts(String path) {
		Map<String, String> shiftByWebhookId = new HashMap<>();
		for (WebhookReceiver.Received received : receiver.received()) {
			if (received.path().equals(path)) {
				shiftByWebhookId.put(received.id(),
						EventJson.mapper()
							.readTree(received.body())
							.get("data")
							.get("shift")
							.get("shiftId")
							.asString());
			}
		}
		return shiftByWebhookId;
	}

	private static void assertDeliveredOncePerShift(String path, WebhookVerifier verifier, Set<String> shiftIds) {
		List<WebhookReceiver.Received> received = receiver.received()
			.stream()
			.filter((r) -> r.path().equals(path))
			.toList();
		assertThat(received).allMatch((r) -> r.verifies(verifier), "signed with the subscription's secret");
		Map<String, Set<String>> shiftsById = new HashMap<>();
		Map<String, Set<String>> idsByShift = new HashMap<>();
		for (WebhookReceiver.Received r : received) {
			JsonNode body = EventJson.mapper().readTree(r.body());
			assertThat(body.get("type").asString()).isEqualTo("stance.shift");
			String shiftId = body.get("data").get("shift").get("shiftId").asString();
			shiftsById.computeIfAbsent(r.id(), (k) -> new HashSet<>()).add(shiftId);
			idsByShift.computeIfAbsent(shiftId, (k) -> new HashSet<>()).add(r.id());
		}
		assertThat(idsByShift.keySet()).as(path + ": shifts delivered").isEqualTo(shiftIds);
		assertThat(idsByShift.values()).as(path + ": webhook ids per shift").allMatch((ids) -> ids.size() == 1);
		assertThat(shiftsById.values()).as(path + ": shifts per webhook id").allMatch((ids) -> ids.size() == 1);
	}

	private static <T> List<T> query(String sql, Row<T> row) throws SQLException {
		Database database = stack.alertDatabase();
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<T> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(row.map(rs));
			}
			return rows;
		}
	}

	private interface Row<T> {

		T map(ResultSet rs) throws SQLException;

	}

}
