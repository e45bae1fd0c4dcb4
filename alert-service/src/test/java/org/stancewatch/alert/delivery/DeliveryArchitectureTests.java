package org.stancewatch.alert.delivery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies between the subscription and delivery packages run one way. */
class DeliveryArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.stancewatch.alert");

	@Test
	void subscriptionsShouldNotKnowHowAlertsAreSent() {
		noClasses().that()
			.resideInAPackage("org.stancewatch.alert.subscription..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.stancewatch.alert.delivery..")
			.check(this.classes);
	}

	@Test
	void channelsShouldNotDependOnEachOtherNorOnStorage() {
		noClasses().that()
			.resideInAPackage("org.stancewatch.alert.delivery.webhook..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.stancewatch.alert.delivery.email..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("org.stancewatch.alert.delivery.email..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.stancewatch.alert.delivery.webhook..")
			.check(this.classes);
		noClasses().that()
			.resideInAnyPackage("org.stancewatch.alert.delivery.webhook..", "org.stancewatch.alert.delivery.email..")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository")
			.check(this.classes);
	}

}
