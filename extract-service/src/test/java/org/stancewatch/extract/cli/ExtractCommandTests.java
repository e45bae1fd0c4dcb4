package org.stancewatch.extract.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command in-process, as {@code java -jar extract-service.jar extract} would.
 */
class ExtractCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void printsOneEventPerLineForEveryFileOfADirectoryTree() throws IOException {
		write("a/envoy.txt", """
				url: https://news.example/envoy
				title: Envoy accepted in Tashkent
				published: 2025-07-04
				source: news.example
				---
				Uzbekistan accepted the credentials of the Taliban's ambassador on Thursday.
				""");
		write("a/b/plain", "China and Pakistan have appointed ambassadors to Kabul.");
		write("a/b/page.html", "<html><body><nav>Menu</nav><p>Japan reopened its embassy in Kabul.</p></body></html>");
		write("a/notes.pdf", "not an article");

		int status = run(this.dir.resolve("a").toString());

		assertThat(status).isZero();
		assertThat(stderr()).isEmpty();
		List<RelationChange> events = stdoutEvents();
		assertThat(events).extracting(RelationChange::actor, RelationChange::action)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("UZ", Action.ACCEPT_AMBASSADOR),
					org.assertj.core.groups.Tuple.tuple("CN", Action.APPOINT_AMBASSADOR),
					org.assertj.core.groups.Tuple.tuple("PK", Action.APPOINT_AMBASSADOR),
					org.assertj.core.groups.Tuple.tuple("JP", Action.OPEN_EMBASSY));
		RelationChange envoy = events.stream().filter((e) -> e.actor().equals("UZ")).findFirst().orElseThrow();
		assertThat(envoy.articleUrl()).isEqualTo("https://news.example/envoy");
		assertThat(envoy.articleId()).isEqualTo(ArticleFiles.sha256("https://news.example/envoy"));
		assertThat(envoy.articleTitle()).isEqualTo("Envoy accepted in Tashkent");
		assertThat(envoy.source()).isEqualTo("news.example");
		assertThat(envoy.occurredOn()).hasToString("2025-07-03");
		assertThat(envoy.status()).isEqualTo(Status.COMPLETED);
		RelationChange plain = events.stream().filter((e) -> e.actor().equals("CN")).findFirst().orElseThrow();
		assertThat(plain.articleUrl()).startsWith("file:").endsWith("/a/b/plain");
	}

	@Test
	void reportsAMalformedFileByNameAndStillReadsTheOthers() throws IOException {
		write("bad.txt", "url: https://news.example/bad\ntitle: header never closed\n");
		write("good.txt", "Turkey has accepted the credentials of the Taliban's ambassador.");

		int status = run(this.dir.toString());

		assertThat(status).isEqualTo(ExtractCommand.SOME_FILES_FAILED);
		assertThat(stderr()).contains("bad.txt").contains("malformed").doesNotContain("good.txt");
		assertThat(stdoutEvents()).extracting(RelationChange::actor).containsExactly("TR");
	}

	@Test
	void reportsAMissingPathAndANonUtf8File() throws IOException {
		Files.write(this.dir.resolve("latin1.txt"), new byte[] { 'R', 'u', (byte) 0xE9, 's' });

		int status = run(this.dir.resolve("missing.txt").toString(), this.dir.resolve("latin1.txt").toString());

		assertThat(status).isEqualTo(ExtractCommand.SOME_FILES_FAILED);
		assertThat(stderr()).contains("missing.txt").contains("latin1.txt");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void readsRulesFromADirectory() throws IOException {
		write("rules/watch.txt", "AF\nMM\n");
		write("rules/targets/MM.txt", "code: MM\nnames: junta | military government | Naypyidaw\n");
		write("news.txt", "Russia accepted the credentials of an ambassador sent by the junta.");

		int status = run("--rules-dir", this.dir.resolve("rules").toString(), this.dir.resolve("news.txt").toString());

		assertThat(status).isZero();
		assertThat(stdoutEvents()).extracting(RelationChange::actor, RelationChange::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("RU", "MM"));
	}

	@Test
	void aBadRulesFileOrCommandLineIsAUsageError() throws IOException {
		write("rules/actions.txt", "[NOT_AN_ACTION]\nverbs: frobnicate\n");

		assertThat(run("--rules-dir", this.dir.resolve("rules").toString(), "x.txt")).isEqualTo(ExtractCommand.USAGE);
		assertThat(stderr()).contains("actions.txt").contains("NOT_AN_ACTION");
		assertThat(run()).isEqualTo(ExtractCommand.USAGE);
		assertThat(run("--bogus", "x.txt")).isEqualTo(ExtractCommand.USAGE);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private int run(String... args) {
		return ExtractCommand.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private List<RelationChange> stdoutEvents() {
		return this.out.toString(StandardCharsets.UTF_8)
			.lines()
			.map((line) -> EventJson.read(line, RelationChange.class))
			.toList();
	}

	private void write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
