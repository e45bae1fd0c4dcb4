package org.stancewatch.alert.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.htmlunit.BrowserVersion;
import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.DefaultJavaScriptErrorListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stancewatch.alert.ApiClient;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.CloudEvent;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.EventType;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.RealKafkaAndPostgres;
import org.stancewatch.testsupport.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stancewatch.alert.RelationChangeFixtures.report;

/**
 * The dashboard as a reader sees it: a headless browser runs the page's JavaScript
 * against the running service, whose stances come from relation changes on a real broker
 * folded into a real database.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealKafkaAndPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

	private static final String HOSTILE_EVIDENCE = "Azerbaijan imposed sanctions on three officials of the Taliban government on Friday.";

	/** Evidence an attacker could plant in a feed: it must show as text, never run. */
	private static final String PLANTED_EVIDENCE = "Oman <img src=x onerror=\"alert('evidence')\"><script>alert('script')</script>"
			+ " opened an embassy & said so.";

	@LocalServerPort
	int port;

	private WebClient browser;

	private final CollectingAlertHandler alerts = new CollectingAlertHandler();

	private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

	@BeforeAll
	void publishTheNews() {
		LocalDate recent = LocalDate.now().minusDays(2);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			send(producer,
					report("QA", Action.ACCEPT_AMBASSADOR).on(recent)
						.article("qa-ambassador", "gulf-desk.example")
						.evidence(
								"Qatar accepted the credentials of the ambassador of the Taliban government on Monday.")
						.build());
			send(producer,
					report("AZ", Action.IMPOSE_SANCTIONS).on(recent)
						.article("az-sanctions", "caspian-post.example")
						.evidence(HOSTILE_EVIDENCE)
						.build());
			send(producer,
					report("OM", Action.OPEN_EMBASSY).on(recent)
						.article("om-embassy", "planted.example")
						.evidence(PLANTED_EVIDENCE)
						.build());
		}
		ApiClient api = new ApiClient(this.port);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String stances = api.get("/api/stances", null).body();
			return stances.contains("\"QA\"") && stances.contains("\"AZ\"") && stances.contains("\"OM\"");
		});
	}

	@BeforeEach
	void openBrowser() {
		this.browser = new WebClient(BrowserVersion.FIREFOX);
		this.browser.setAlertHandler(this.alerts);
		this.browser.setJavaScriptErrorListener(new DefaultJavaScriptErrorListener() {
			@Override
			public void scriptException(HtmlPage page, ScriptException ex) {
				DashboardIT.this.scriptErrors.add(ex.getMessage());
				super.scriptException(page, ex);
			}
		});
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
		assertThat(this.scriptErrors).as("JavaScript errors on the page").isEmpty();
		assertThat(this.alerts.getCollectedAlerts()).as("alert() calls: text from the news must never run").isEmpty();
	}

	@Test
	void shouldShowEveryStatesStanceColouredByLevel() throws Exception {
		HtmlPage page = open("/");

		DomElement qatar = row(page, "QA");
		assertThat(qatar.asNormalizedText()).contains("QA").contains("NORMALIZED").contains("AMBASSADOR");
		DomElement azerbaijan = row(page, "AZ");
		assertThat(azerbaijan.asNormalizedText()).contains("HOSTILE").contains("IMPOSED");
		assertThat(badgeColour(page, "AZ")).as("hostile is red").isEqualTo("rgb(179, 38, 30)");
		assertThat(badgeColour(page, "QA")).as("normalized is green").isEqualTo("rgb(30, 125, 79)");
		assertThat(text(page, "#target")).contains("AF");
	}

	@Test
	void shouldListRecentShiftsWithTheirEvidenceAndSources() throws Exception {
		HtmlPage page = open("/");

		DomElement shift = awaitElement(page, () -> shiftOf(page, HOSTILE_EVIDENCE));
		assertThat(shift.asNormalizedText()).contains("AZ").contains("DISTANT").contains("HOSTILE");
		DomNode source = shift.querySelector("ul.sources a");
		assertThat(source).as("a link to the source").isNotNull();
		assertThat(((DomElement) source).getAttribute("href"))
			.isEqualTo("https://caspian-post.example/news/az-sanctions");
		assertThat(source.asNormalizedText()).isEqualTo("Report az-sanctions");
	}

	@Test
	void shouldShowAStatesHistoryWhenItIsChosen() throws Exception {
		HtmlPage page = open("/");
		assertThat(page.getElementById("history").hasAttribute("hidden")).isTrue();

		HtmlElement button = (HtmlElement) row(page, "QA").querySelector("button.state");
		button.click();

		await().atMost(Duration.ofSeconds(10)).until(() -> !page.getElementById("history").hasAttribute("hidden"));
		await().atMost(Duration.ofSeconds(10)).until(() -> text(page, "#acts tbody").contains("credentials"));
		assertThat(text(page, "#history-heading")).contains("QA").contains("AF");
		assertThat(text(page, "#levels")).contains("DISTANT").contains("NORMALIZED").contains("accept ambassador");
		assertThat(text(page, "#acts tbody")).contains("Accept ambassador")
			.contains("Completed")
			.contains("Qatar accepted the credentials of the ambassador of the Taliban government on Monday.");
		assertThat(page.executeJavaScript("window.location.hash").getJavaScriptResult())
			.as("the address names the state, so its history can be bookmarked")
			.isEqualTo("#QA");
	}

	@Test
	void shouldOpenABookmarkedHistory() throws Exception {
		HtmlPage page = open("/#QA");

		await().atMost(Duration.ofSeconds(10)).until(() -> text(page, "#acts tbody").contains("credentials"));
		assertThat(page.getElementById("history").hasAttribute("hidden")).isFalse();
	}

	@Test
	void shouldShowEvidenceFromTheNewsAsTextNeverAsHtml() throws Exception {
		HtmlPage page = open("/");

		DomElement shift = awaitElement(page, () -> shiftOf(page, PLANTED_EVIDENCE));
		assertThat(shift.querySelector("blockquote").getTextContent()).isEqualTo(PLANTED_EVIDENCE);
		assertThat(page.querySelectorAll("main img")).as("no element made from the evidence").isEmpty();
		assertThat(page.querySelectorAll("main script")).isEmpty();
	}

	@Test
	void shouldShowTheProblemWhenTheApiRefusesTheRequest() throws Exception {
		HtmlPage page = open("/?target=Kabul");

		await().atMost(Duration.ofSeconds(10)).until(() -> !page.getElementById("problem").hasAttribute("hidden"));
		assertThat(text(page, "#problem")).contains("Bad request")
			.contains("The target must be an ISO 3166-1 alpha-2 code like RU, not 'Kabul'");
		assertThat(new ApiClient(this.port).get("/api/stances?target=Kabul", null).contentType())
			.startsWith("application/problem+json");
	}

	@Test
	void shouldSayWhenNothingIsKnownOfAState() throws Exception {
		HtmlPage page = open("/#NR");

		await().atMost(Duration.ofSeconds(10)).until(() -> text(page, "#problem").contains("NR"));
		assertThat(text(page, "#problem")).contains("Nothing is known of NR toward AF");
	}

	private HtmlPage open(String path) throws Exception {
		HtmlPage page = this.browser.getPage("http://localhost:" + this.port + path);
		assertThat(page.getTitleText()).isEqualTo("stancewatch");
		return page;
	}

	private static DomElement row(HtmlPage page, String actor) {
		return awaitElement(page, () -> (DomElement) page.querySelector("#stances tr[data-actor=" + actor + "]"));
	}

	private static String badgeColour(HtmlPage page, String actor) {
		return String.valueOf(page.executeJavaScript("getComputedStyle(document.querySelector('#stances tr[data-actor="
				+ actor + "] .level')).backgroundColor")
			.getJavaScriptResult());
	}

	private static DomElement shiftOf(HtmlPage page, String evidence) {
		for (DomNode item : page.querySelectorAll("#shifts > li")) {
			DomNode quote = item.querySelector("blockquote");
			if (quote != null && quote.getTextContent().equals(evidence)) {
				return (DomElement) item;
			}
		}
		return null;
	}

	private static String text(HtmlPage page, String selector) {
		DomNode node = page.querySelector(selector);
		return (node != null) ? node.asNormalizedText() : "";
	}

	private static DomElement awaitElement(HtmlPage page, java.util.concurrent.Callable<DomElement> find) {
		return await().atMost(Duration.ofSeconds(15)).until(find, (element) -> element != null);
	}

	private static void send(KafkaProducer<String, String> producer, RelationChange change) {
		String dyad = change.dyad().toString();
		CloudEvent event = CloudEvent.of(EventType.RELATION_CHANGE, change.eventId(), "/stancewatch/extract-service",
				Instant.now(), dyad);
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.RELATION_CHANGES, dyad,
				EventJson.writeString(change));
		event.toHeaders().forEach((name, value) -> record.headers().add(name, value.getBytes()));
		try {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + change.eventId(), ex);
		}
	}

}
