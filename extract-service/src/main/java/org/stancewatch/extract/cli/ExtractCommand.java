package org.stancewatch.extract.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.extract.rules.Dictionaries;
import org.stancewatch.extract.rules.RuleEngine;
import org.stancewatch.extract.rules.RulesDirectory;

/**
 * {@code extract [--rules-dir DIR] PATH...}: reads article files and directories
 * (recursively: {@code .txt}, {@code .html}, {@code .htm} and files without an
 * extension), prints one {@link RelationChange} JSON per line on stdout and nothing else.
 * Problems go to stderr, naming the file; the other files are still read, and the exit
 * status is then 1. A wrong command line exits with 2.
 */
public final class ExtractCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "extract";

	static final int OK = 0;

	static final int SOME_FILES_FAILED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = "usage: extract [--rules-dir DIR] PATH...";

	private ExtractCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code extract}
	 * @return the exit status
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		Path rulesDir = null;
		List<Path> paths = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--rules-dir")) {
				if (i + 1 >= args.size()) {
					err.println("--rules-dir needs a directory\n" + USAGE_TEXT);
					return USAGE;
				}
				rulesDir = Path.of(args.get(++i));
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				err.println(USAGE_TEXT);
				return OK;
			}
			else if (arg.startsWith("--")) {
				err.println("Unknown option " + arg + "\n" + USAGE_TEXT);
				return USAGE;
			}
			else {
				paths.add(Path.of(arg));
			}
		}
		if (paths.isEmpty()) {
			err.println("No article files or directories given\n" + USAGE_TEXT);
			return USAGE;
		}
		RuleEngine engine;
		try {
			engine = new RuleEngine(loadRules(rulesDir));
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			err.println("Cannot load rules: " + ex.getMessage());
			return USAGE;
		}
		boolean failed = false;
		for (Path path : paths) {
			for (Path file : files(path, err)) {
				failed |= !extract(engine, file, out, err);
			}
			failed |= !Files.exists(path);
		}
		out.flush();
		return failed ? SOME_FILES_FAILED : OK;
	}

	private static Dictionaries loadRules(@Nullable Path rulesDir) {
		return RulesDirectory.load(rulesDir);
	}

	private static boolean extract(RuleEngine engine, Path file, PrintStream out, PrintStream err) {
		Article article;
		try {
			article = ArticleFiles.read(file);
		}
		catch (IOException | UncheckedIOException ex) {
			err.println(file + ": cannot read: " + ex.getMessage());
			return false;
		}
		catch (IllegalArgumentException ex) {
			err.println(file + ": malformed: " + ex.getMessage());
			return false;
		}
		for (RelationChange event : engine.extract(article)) {
			out.println(EventJson.writeString(event));
		}
		return true;
	}

	private static List<Path> files(Path path, PrintStream err) {
		if (!Files.exists(path)) {
			err.println(path + ": no such file or directory");
			return List.of();
		}
		if (!Files.isDirectory(path)) {
			return List.of(path);
		}
		try (Stream<Path> walk = Files.walk(path)) {
			return walk.filter(Files::isRegularFile).filter(ExtractCommand::isArticleFile).sorted().toList();
		}
		catch (IOException | UncheckedIOException ex) {
			err.println(path + ": cannot list: " + ex.getMessage());
			return List.of();
		}
	}

	private static boolean isArticleFile(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.startsWith(".")) {
			return false;
		}
		return name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm") || !name.contains(".");
	}

}
