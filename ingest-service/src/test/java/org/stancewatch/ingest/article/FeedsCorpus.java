package org.stancewatch.ingest.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared robustness corpus, {@code ../shared/feeds-corpus} next to the repository. It
 * is present in CI; when it is missing the tests fail with this message rather than pass
 * with nothing tested.
 */
final class FeedsCorpus {

	private FeedsCorpus() {
	}

	static Path root() {
		Path dir = Paths.get("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new AssertionError("cannot find the repository root (no mvnw above " + Paths.get("").toAbsolutePath()
					+ "), so the feeds corpus cannot be located");
		}
		Path corpus = dir.resolve("../shared/feeds-corpus").normalize();
		if (!Files.isDirectory(corpus)) {
			throw new AssertionError("""
					FEEDS CORPUS MISSING: expected it at %s (../shared/feeds-corpus from the repository root).
					The parser robustness tests need it; it is present in CI. Nothing was tested.""".formatted(corpus));
		}
		return corpus;
	}

	/**
	 * Every feed file: everything but licences, the README, the manifest and baselines.
	 */
	static List<Path> feedFiles() {
		Path root = root();
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !root.relativize(file).startsWith("expected"))
				.filter((file) -> {
					String name = file.getFileName().toString();
					return !name.startsWith("LICENSE") && !name.equals("README.md") && !name.equals("MANIFEST.tsv");
				})
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Content-Type a test server must send for a file, from the manifest. */
	static Map<String, String> contentTypes() {
		Map<String, String> types = new HashMap<>();
		for (String line : lines(root().resolve("MANIFEST.tsv"))) {
			String[] columns = line.split("\t", -1);
			if (columns.length >= 10 && columns[9].toLowerCase().startsWith("content-type:")) {
				types.put(columns[0], columns[9].substring("content-type:".length()).strip());
			}
		}
		return types;
	}

	/** ROME 2.1.0's baseline: path to "OK feedType entries=N ..." or "FAIL ...". */
	static Map<String, String> baseline() {
		Map<String, String> results = new HashMap<>();
		for (String line : lines(root().resolve("expected/rome-2.1.0-secure-defaults.tsv"))) {
			if (!line.startsWith("#") && line.contains("\t")) {
				String[] columns = line.split("\t", 2);
				results.put(columns[0], columns[1]);
			}
		}
		return results;
	}

	static String relative(Path file) {
		return root().relativize(file).toString().replace('\\', '/');
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
