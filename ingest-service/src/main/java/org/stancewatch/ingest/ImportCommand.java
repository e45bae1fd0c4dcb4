package org.stancewatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.stancewatch.ingest.intake.ArticleImport;
import org.stancewatch.ingest.outbox.Outbox;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ingest-service.jar import PATH...}: imports article files into the
 * database the service uses, then waits for the outbox relay to hand them to Kafka. Exits
 * 1 when a file failed, 2 on wrong usage.
 */
final class ImportCommand {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	private ImportCommand() {
	}

	static int run(String[] paths) {
		if (paths.length == 0) {
			System.err.println("usage: java -jar ingest-service.jar import FILE_OR_DIRECTORY...");
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("stancewatch.ingest.poll.enabled=false", "spring.main.banner-mode=off")
			.run()) {
			List<Path> files = Arrays.stream(paths).map(Path::of).toList();
			ArticleImport.Result result = context.getBean(ArticleImport.class).importPaths(files, System.err);
			awaitPublished(context.getBean(Outbox.class));
			return result.hasFailures() ? 1 : 0;
		}
	}

	private static void awaitPublished(Outbox outbox) {
		Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
		long backlog;
		while ((backlog = outbox.backlog()) > 0 && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (backlog > 0) {
			System.err.printf("%d articles are stored but not yet on Kafka; the running service will publish them%n",
					backlog);
		}
	}

}
