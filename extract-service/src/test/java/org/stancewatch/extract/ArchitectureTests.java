package org.stancewatch.extract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule engine is plain Java: no Spring, no Kafka, no database, no network, no files
 * (the one documented exception: {@code RulesDirectory}, which reads override files).
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.stancewatch.extract");

	@Test
	void ruleEngineDependsOnNoFrameworkAndDoesNoIo() {
		noClasses().that()
			.resideInAPackage("org.stancewatch.extract.rules")
			.and()
			.doNotHaveSimpleName("RulesDirectory")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "java.net..",
					"java.nio.file..")
			.check(CLASSES);
	}

	@Test
	void rulesDirectoryReadsFilesOnly() {
		noClasses().that()
			.haveSimpleName("RulesDirectory")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "java.net..")
			.check(CLASSES);
	}

	@Test
	void commandLineStartsNoSpringAndNoKafka() {
		noClasses().that()
			.resideInAPackage("org.stancewatch.extract.cli")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..")
			.check(CLASSES);
	}

}
