package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stancewatch.testsupport.Stack;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus configuration against what the services really
 * expose: every metric a panel queries is one a service registers (read from the
 * services' sources) or one that Spring Kafka and the Kafka client register, and every
 * service is scraped where it listens.
 */
class ComposeObservabilityTests {

	private static final Path ROOT = Stack.repositoryRoot();

	private static final Path DASHBOARD = ROOT.resolve("deploy/observability/grafana/dashboards/stancewatch.json");

	/**
	 * Framework meters the dashboard uses, as seen at /actuator/prometheus of the running
	 * jars (ComposeEnvironmentIT checks them there too).
	 */
	static final Set<String> FRAMEWORK_METRICS = Set.of("kafka_consumer_fetch_manager_records_lag",
			"spring_kafka_listener_seconds_sum", "spring_kafka_listener_seconds_count",
			"spring_kafka_listener_seconds_max", "spring_kafka_template_seconds_sum",
			"spring_kafka_template_seconds_count", "spring_kafka_template_seconds_max");

	private static final Pattern METER = Pattern.compile(
			"(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9.]+)\"|\\.(counter|timer)\\(\\s*\"([a-z0-9.]+)\"");

	private static final Pattern METRIC_IN_QUERY = Pattern.compile("\\b([a-z_][a-z0-9_]*)(?=\\s*[{\\[])");

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "rate", "increase", "max", "min", "avg", "by",
			"without", "histogram_quantile", "irate", "count");

	@Test
	void everyMetricTheDashboardQueriesIsOneTheServicesExpose() {
		Set<String> exposed = new HashSet<>(FRAMEWORK_METRICS);
		exposed.addAll(registeredMetrics());
		Set<String> queried = dashboardMetrics();
		assertThat(queried).hasSizeGreaterThanOrEqualTo(15);
		assertThat(exposed).containsAll(queried);
	}

	@Test
	void theDashboardShowsWhatOperatorsAskFor() {
		Set<String> queried = dashboardMetrics();
		assertThat(queried).contains("stancewatch_ingest_articles_total", "stancewatch_ingest_polls_seconds_count",
				"stancewatch_extract_articles_total", "kafka_consumer_fetch_manager_records_lag",
				"stancewatch_alert_shifts_emitted_total", "stancewatch_alert_deliveries_total",
				"spring_kafka_listener_seconds_sum", "stancewatch_alert_pipeline_latency_seconds_bucket",
				"stancewatch_alert_delivery_latency_seconds_bucket");
		JsonNode dashboard = Yaml.read(DASHBOARD);
		assertThat(dashboard.path("uid").asString()).isNotBlank();
		dashboard.path("panels")
			.valueStream()
			.filter((panel) -> !panel.path("type").asString().equals("row"))
			.forEach((panel) -> assertThat(panel.at("/datasource/uid").asString()).isEqualTo("prometheus"));
	}

	/**
	 * A timer has {@code _bucket} series only when it publishes a percentile histogram;
	 * without one, a panel's {@code histogram_quantile} would stay empty.
	 */
	@Test
	void everyHistogramTheDashboardQueriesIsPublished() {
		Set<String> buckets = new HashSet<>();
		dashboardMetrics().stream()
			.filter((name) -> name.endsWith("_seconds_bucket"))
			.forEach((name) -> buckets.add(name.substring(0, name.length() - "_seconds_bucket".length())));
		assertThat(buckets).contains("stancewatch_alert_pipeline_latency", "stancewatch_alert_delivery_latency");
		assertThat(histogramTimers()).containsAll(buckets);
	}

	@Test
	void grafanaProvisionsThePrometheusDataSourceTheDashboardUsesAndLoadsTheDashboard() {
		JsonNode datasources = Yaml
			.read(ROOT.resolve("deploy/observability/grafana/provisioning/datasources/prometheus.yml"));
		assertThat(datasources.at("/datasources/0/uid").asString()).isEqualTo("prometheus");
		assertThat(datasources.at("/datasources/0/url").asString()).isEqualTo("http://prometheus:9090");
		JsonNode providers = Yaml
			.read(ROOT.resolve("deploy/observability/grafana/provisioning/dashboards/stancewatch.yml"));
		String path = providers.at("/providers/0/options/path").asString();
		ComposeFile compose = ComposeFile.load();
		assertThat(compose.service("grafana").path("volumes").valueStream().map(JsonNode::asString))
			.contains("./deploy/observability/grafana/dashboards:" + path + ":ro");
	}

	@Test
	void prometheusScrapesEveryServiceWhereItListens() {
		JsonNode prometheus = Yaml.read(ROOT.resolve("deploy/observability/prometheus.yml"));
		ComposeFile compose = ComposeFile.load();
		for (String service : List.of("ingest-service", "extract-service", "alert-service")) {
			JsonNode job = prometheus.path("scrape_configs")
				.valueStream()
				.filter((candidate) -> candidate.path("job_name").asString().equals(service))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No scrape job " + service));
			assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
			String port = compose.service(service).at("/build/args/PORT").asString();
			assertThat(job.at("/static_configs/0/targets/0").asString()).isEqualTo(service + ":" + port);
		}
	}

	/** Metric names the dashboard's PromQL expressions read. */
	static Set<String> dashboardMetrics() {
		Set<String> names = new HashSet<>();
		Yaml.read(DASHBOARD)
			.path("panels")
			.valueStream()
			.flatMap((panel) -> panel.path("targets").valueStream())
			.map((target) -> target.path("expr").asString())
			.forEach((expression) -> {
				Matcher matcher = METRIC_IN_QUERY.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
				while (matcher.find()) {
					if (!PROMQL_WORDS.contains(matcher.group(1))) {
						names.add(matcher.group(1));
					}
				}
			});
		return names;
	}

	/**
	 * Prometheus names of the meters the services register in their main sources: dots
	 * become underscores; counters end in _total, timers in _seconds_count, _sum and
	 * _max.
	 */
	static Set<String> registeredMetrics() {
		Set<String> names = new HashSet<>();
		for (String module : List.of("ingest-service", "extract-service", "alert-service")) {
			try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.forEach((file) -> names.addAll(meters(ComposeFile.read(file))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return names;
	}

	/**
	 * Prometheus base names of the timers whose builder, up to {@code register}, calls
	 * {@code publishPercentileHistogram()}.
	 */
	static Set<String> histogramTimers() {
		Set<String> names = new HashSet<>();
		Pattern timer = Pattern.compile("Timer\\.builder\\(\\s*\"([a-z0-9.]+)\"([^;]*?)\\.register\\(", Pattern.DOTALL);
		for (String module : List.of("ingest-service", "extract-service", "alert-service")) {
			try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					Matcher matcher = timer.matcher(ComposeFile.read(file));
					while (matcher.find()) {
						if (matcher.group(2).contains(".publishPercentileHistogram()")) {
							names.add(matcher.group(1).replace('.', '_'));
						}
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return names;
	}

	private static Set<String> meters(String source) {
		Set<String> names = new HashSet<>();
		Matcher matcher = METER.matcher(source);
		while (matcher.find()) {
			String type = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(3);
			String base = ((matcher.group(2) != null) ? matcher.group(2) : matcher.group(4)).replace('.', '_');
			switch (type) {
				case "Counter", "counter" -> names.add(base + "_total");
				case "Timer", "timer" -> names.addAll(List.of(base + "_seconds_count", base + "_seconds_sum",
						base + "_seconds_max", base + "_seconds_bucket"));
				default -> names.addAll(List.of(base, base + "_count", base + "_sum", base + "_max"));
			}
		}
		return names;
	}

}
