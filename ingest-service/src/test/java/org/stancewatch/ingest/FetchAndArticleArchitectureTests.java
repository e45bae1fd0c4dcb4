package org.stancewatch.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Fetching and article handling are plain Java that the Spring wiring calls: no Spring,
 * Kafka or JDBC inside, and the article package does not reach into the fetcher.
 */
class FetchAndArticleArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.stancewatch.ingest.fetch", "org.stancewatch.ingest.article");

	@Test
	void fetchAndArticleUseNoSpringKafkaOrJdbc() {
		noClasses().that()
			.resideInAnyPackage("org.stancewatch.ingest.fetch..", "org.stancewatch.ingest.article..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
			.check(this.classes);
	}

	@Test
	void articleHandlingDoesNotDependOnFetching() {
		noClasses().that()
			.resideInAPackage("org.stancewatch.ingest.article..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.stancewatch.ingest.fetch..")
			.check(this.classes);
	}

}
