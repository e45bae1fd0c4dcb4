package org.stancewatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events in our own words for tests of every module (shared through the contracts
 * test-jar).
 */
public final class EventFixtures {

	public static final Instant PUBLISHED = Instant.parse("2025-07-04T08:30:00Z");

	private EventFixtures() {
	}

	public static Article anArticle() {
		return anArticle("a1", "https://news.example.org/world/recognition",
				"Moscow formally recognised the Taliban government on Thursday, its foreign ministry said.");
	}

	/** A posted article (no feed) with the given id, URL and text. */
	public static Article anArticle(String id, String url, String text) {
		return new Article(id, url, url, "Moscow recognises Kabul government", "news.example.org", null, PUBLISHED,
				PUBLISHED.plusSeconds(60), "en", text, "Moscow recognises the government in Kabul.",
				"sha256:" + Integer.toHexString(text.hashCode()), null);
	}

	public static RelationChange aRelationChange(String actor, Action action) {
		String evidence = "Moscow formally recognised the Taliban government on Thursday.";
		return new RelationChange("ev-" + actor + "-" + action, "a1", "https://news.example.org/world/recognition",
				"Moscow recognises Kabul government", "news.example.org", PUBLISHED, null, actor, "AF", action,
				action.direction(), Status.COMPLETED, LocalDate.of(2025, 7, 3), DatePrecision.DAY, false, evidence, 0,
				evidence.length(), 0.9, "stancewatch-rules/1.0.0");
	}

	public static RelationChange aRecognition(String actor) {
		return aRelationChange(actor, Action.RECOGNIZE_GOVERNMENT);
	}

	public static StanceShift aStanceShift() {
		return new StanceShift("shift-1", StanceShift.Kind.SHIFT, "RU", "AF", Level.NORMALIZED, Level.RECOGNIZED,
				Action.RECOGNIZE_GOVERNMENT, Status.COMPLETED, LocalDate.of(2025, 7, 3), DatePrecision.DAY, "ev-1",
				"Moscow formally recognised the Taliban government on Thursday.",
				List.of(new StanceShift.Source("https://news.example.org/world/recognition", "Moscow recognises Kabul",
						"news.example.org", PUBLISHED),
						new StanceShift.Source("https://wire.example.com/ru-af", null, "wire.example.com", null)),
				0.9, false, PUBLISHED.plusSeconds(120));
	}

	public static DyadStance aDyadStance() {
		return new DyadStance("RU", "AF", Level.RECOGNIZED, DyadStance.Designation.DELISTED,
				DyadStance.Recognition.FORMAL, DyadStance.Representation.AMBASSADOR, DyadStance.Sanctions.UNKNOWN, 14.5,
				4, LocalDate.of(2025, 7, 3), LocalDate.of(2025, 7, 4), PUBLISHED.plusSeconds(120));
	}

	/** One of each event, for tests that go over all of them. */
	public static List<Object> oneOfEach() {
		return List.of(anArticle(), aRecognition("RU"), aStanceShift(), aDyadStance());
	}

}
