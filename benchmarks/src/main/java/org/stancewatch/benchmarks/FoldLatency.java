package org.stancewatch.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stancewatch.testsupport.ServiceProcess;

/**
 * alert-service's own {@code stancewatch.alert.pipeline.latency} (article stored by
 * ingest to its relation change folded by alert), read from {@code /actuator/prometheus}:
 * every relation change is timed, not only the few that shift a stance, so its p99 rests
 * on thousands of samples. Quantiles are the upper bounds of the histogram's buckets.
 */
final class FoldLatency {

	private static final Pattern BUCKET = Pattern
		.compile("(?m)^stancewatch_alert_pipeline_latency_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$");

	private FoldLatency() {
	}

	/** Cumulative count by bucket upper bound in seconds. */
	static Map<Double, Long> read(ServiceProcess alert) {
		Map<Double, Long> buckets = new TreeMap<>();
		Matcher matcher = BUCKET.matcher(alert.get("/actuator/prometheus"));
		while (matcher.find()) {
			double bound = "+Inf".equals(matcher.group(1)) ? Double.POSITIVE_INFINITY
					: Double.parseDouble(matcher.group(1));
			buckets.put(bound, (long) Double.parseDouble(matcher.group(2)));
		}
		return buckets;
	}

	/** p50 and p99 of what was recorded between two readings. */
	static String since(Map<Double, Long> before, Map<Double, Long> after) {
		Map<Double, Long> counts = new TreeMap<>();
		after.forEach((bound, count) -> counts.put(bound, count - before.getOrDefault(bound, 0L)));
		long total = counts.getOrDefault(Double.POSITIVE_INFINITY, 0L);
		return String.format(Locale.ROOT,
				"article stored to change folded: p50 at most %s, p99 at most %s (%d changes)",
				quantile(counts, total, 0.50), quantile(counts, total, 0.99), total);
	}

	private static String quantile(Map<Double, Long> cumulative, long total, double quantile) {
		for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
			if (total > 0 && bucket.getValue() >= Math.ceil(total * quantile)) {
				return Double.isInfinite(bucket.getKey()) ? "above the largest bucket"
						: String.format(Locale.ROOT, "%.0f ms", bucket.getKey() * 1000);
			}
		}
		return "none recorded";
	}

}
