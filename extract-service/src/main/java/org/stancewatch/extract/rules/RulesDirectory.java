package org.stancewatch.extract.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Loads the rules with per-file overrides from a directory laid out like
 * {@code src/main/resources/rules} ({@code actors.txt}, {@code targets/AF.txt}, ...): a
 * file present there replaces the shipped one, a file absent keeps it.
 * <p>
 * The one class of this package that touches the file system (the documented exception of
 * the architecture test): the engine itself does no I/O.
 */
public final class RulesDirectory {

	private RulesDirectory() {
	}

	/**
	 * @param directory the directory, or {@code null} for the shipped rules only
	 * @throws IllegalArgumentException when the directory does not exist or a file in it
	 * cannot be parsed (naming the file)
	 */
	public static Dictionaries load(@Nullable Path directory) {
		if (directory == null) {
			return Dictionaries.fromClasspath();
		}
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException(
					"Rules directory " + directory + " does not exist or is not a directory");
		}
		return Dictionaries.load((name) -> read(directory.resolve(name)));
	}

	private static @Nullable String read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rules file " + file, ex);
		}
	}

}
