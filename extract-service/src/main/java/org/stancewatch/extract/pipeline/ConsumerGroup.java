package org.stancewatch.extract.pipeline;

import java.util.Locale;

/**
 * The consumer group the articles listener joins. Normally the configured group, which
 * resumes where it committed. In reprocess mode a group named after the engine version: a
 * group that has never committed starts at the beginning of the topic
 * ({@code auto-offset-reset: earliest}), so every article is read again with the new
 * engine, once per engine version; afterwards that group simply follows the topic.
 *
 * @param id the {@code group.id}
 */
record ConsumerGroup(String id) {

	static ConsumerGroup of(ExtractSettings settings, String engineVersion) {
		if (!settings.reprocess()) {
			return new ConsumerGroup(settings.groupId());
		}
		return new ConsumerGroup(settings.groupId() + "-reprocess-" + safe(engineVersion));
	}

	/** Group ids are free text, but keep them readable in tools and metrics tags. */
	private static String safe(String engineVersion) {
		String safe = engineVersion.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
		if (safe.replace("-", "").isEmpty()) {
			throw new IllegalArgumentException("Engine version '" + engineVersion + "' cannot name a consumer group");
		}
		return safe;
	}

}
