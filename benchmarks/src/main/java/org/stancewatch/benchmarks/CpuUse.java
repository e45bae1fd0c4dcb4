package org.stancewatch.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and every process it started, grouped by what they are. On a
 * machine shared with other work, CPU time per article says what a stage costs where
 * wall-clock rates only say how busy the machine was.
 */
final class CpuUse {

	private final Map<String, Duration> used;

	private CpuUse(Map<String, Duration> used) {
		this.used = used;
	}

	/**
	 * @param postgresData the data directory of the PostgreSQL server, which runs
	 * detached from this JVM
	 */
	static CpuUse now(Path postgresData) {
		Map<String, Duration> used = new TreeMap<>();
		Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.forEach((process) -> add(used, kind(process), process));
		ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.arguments()
				.map(List::of)
				.orElse(List.of())
				.contains(postgresData.toString()))
			.flatMap((postmaster) -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
			.forEach((process) -> add(used, "postgres", process));
		return new CpuUse(used);
	}

	private static void add(Map<String, Duration> used, String kind, ProcessHandle process) {
		process.info().totalCpuDuration().ifPresent((cpu) -> used.merge(kind, cpu, Duration::plus));
	}

	/** Milliseconds of CPU per unit of work since {@code before}, by process kind. */
	String perUnitSince(CpuUse before, long units, String unit) {
		StringBuilder line = new StringBuilder();
		Duration total = Duration.ZERO;
		for (Map.Entry<String, Duration> entry : this.used.entrySet()) {
			Duration spent = entry.getValue().minus(before.used.getOrDefault(entry.getKey(), Duration.ZERO));
			total = total.plus(spent);
			line.append(String.format(Locale.ROOT, "%s %.2f, ", entry.getKey(), spent.toNanos() / 1e6 / units));
		}
		return String.format(Locale.ROOT, "CPU ms per %s: %stotal %.2f (at most %.0f %ss/s on %d cores)", unit, line,
				total.toNanos() / 1e6 / units,
				Runtime.getRuntime().availableProcessors() * 1000.0 * units / Math.max(1, total.toMillis()), unit,
				Runtime.getRuntime().availableProcessors());
	}

	private static String kind(ProcessHandle process) {
		if (process.pid() == ProcessHandle.current().pid()) {
			return "benchmark (feeds, receiver)";
		}
		String command = process.info().command().orElse("");
		List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
		for (String service : List.of("ingest-service", "extract-service", "alert-service")) {
			if (arguments.stream().anyMatch((argument) -> argument.endsWith(service + ".jar"))) {
				return service;
			}
		}
		if (arguments.contains("kafka.Kafka")) {
			return "kafka";
		}
		// The broker's class path can make its command line too long to read back.
		return command.endsWith("/java") ? "kafka" : "other";
	}

}
