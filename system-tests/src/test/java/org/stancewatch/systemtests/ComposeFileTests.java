package org.stancewatch.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * docker-compose.yml checked without Docker: against the Compose Specification's JSON
 * Schema, then for what a reviewer looks for (healthchecks, ordered start-up, no secrets
 * in the file, every variable documented in .env.example, images and ports pinned).
 */
class ComposeFileTests {

	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");

	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]*\\}");

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void matchesTheComposeSpecification() {
		assertThat(schemaErrors(this.compose.document())).isEmpty();
	}

	@Test
	void theSchemaCheckCatchesAMisspeltKey() {
		ObjectNode misspelt = (ObjectNode) this.compose.document().deepCopy();
		ObjectNode kafka = (ObjectNode) misspelt.get("services").get("kafka");
		kafka.set("healtcheck", kafka.remove("healthcheck"));
		assertThat(schemaErrors(misspelt)).extracting(Error::getMessage).anyMatch((m) -> m.contains("healtcheck"));
	}

	@Test
	void everyServiceThatKeepsRunningHasAHealthcheck() {
		assertThat(this.compose.longRunningServices()).contains("kafka", "postgres", "ingest-service",
				"extract-service", "alert-service", "mailpit", "prometheus", "grafana");
		for (String name : this.compose.longRunningServices()) {
			JsonNode healthcheck = this.compose.service(name).path("healthcheck");
			assertThat(healthcheck.path("test").isArray()).as("%s healthcheck test", name).isTrue();
			assertThat(healthcheck.path("disable").asBoolean(false)).as("%s healthcheck disabled", name).isFalse();
		}
	}

	@Test
	void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
		this.compose.services().properties().forEach((service) -> {
			JsonNode dependsOn = service.getValue().path("depends_on");
			assertThat(dependsOn.isArray()).as("%s uses the short depends_on form", service.getKey()).isFalse();
			dependsOn.properties().forEach((dependency) -> {
				assertThat(dependency.getValue().path("condition").asString())
					.as("%s waits for %s", service.getKey(), dependency.getKey())
					.isEqualTo("service_healthy");
				assertThat(this.compose.longRunningServices()).contains(dependency.getKey());
			});
		});
		assertThat(this.compose.service("ingest-service").path("depends_on").propertyNames())
			.containsExactlyInAnyOrder("kafka", "postgres");
		assertThat(this.compose.service("alert-service").path("depends_on").propertyNames())
			.containsExactlyInAnyOrder("kafka", "postgres");
		assertThat(this.compose.service("extract-service").path("depends_on").propertyNames()).contains("kafka");
	}

	@Test
	void secretsComeOnlyFromRequiredVariables() {
		this.compose.services()
			.properties()
			.forEach((service) -> service.getValue().path("environment").properties().forEach((variable) -> {
				if (SECRET_NAME.matcher(variable.getKey()).matches()) {
					assertThat(variable.getValue().asString()).as("%s of %s", variable.getKey(), service.getKey())
						.matches(REQUIRED_REFERENCE);
				}
			}));
	}

	@Test
	void everyVariableIsDocumentedInEnvExampleAndEveryExampleIsUsed() {
		assertThat(this.compose.exampleEnvironment().keySet())
			.containsExactlyInAnyOrderElementsOf(this.compose.variables());
	}

	@Test
	void theExampleEnvironmentSetsEveryRequiredVariable() {
		this.compose.services()
			.propertyNames()
			.forEach((service) -> assertThat(this.compose.environment(service)).isNotNull());
		assertThat(this.compose.environment("alert-service")).containsEntry("ALERT_ADMIN_KEY", "change-me-admin-key");
	}

	@Test
	void interpolationRefusesAMissingRequiredVariable() {
		assertThatIllegalStateException().isThrownBy(() -> this.compose.interpolate("${NOT_IN_THE_EXAMPLE:?say why}"))
			.withMessageContaining("NOT_IN_THE_EXAMPLE")
			.withMessageContaining("say why");
		assertThat(this.compose.interpolate("${NOT_IN_THE_EXAMPLE:-fallback} $${LITERAL}"))
			.isEqualTo("fallback ${LITERAL}");
	}

	@Test
	void theBrokerCreatesNoTopicByItselfAndRunsKRaft() {
		Map<String, String> kafka = this.compose.environment("kafka");
		assertThat(kafka).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		assertThat(this.compose.service("kafka").path("image").asString()).isEqualTo("apache/kafka:4.2.1");
		assertThat(this.compose.service("postgres").path("image").asString()).isEqualTo("postgres:17-alpine");
	}

	@Test
	void theBrokersListenersAgreeWithEachOtherAndWithTheServicesAddress() {
		Map<String, String> kafka = this.compose.environment("kafka");
		Map<String, String> listeners = listeners(kafka.get("KAFKA_LISTENERS"));
		Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
		List<String> mapped = List.of(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
			.stream()
			.map((entry) -> entry.split(":")[0])
			.toList();
		assertThat(mapped).containsExactlyInAnyOrderElementsOf(listeners.keySet());
		assertThat(listeners).containsKeys(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES"),
				kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
		assertThat(listeners.keySet()).containsAll(advertised.keySet());
		assertThat(advertised).doesNotContainKey(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
		String controllerPort = listeners.get(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES")).replaceAll(".*:", "");
		assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
			.isEqualTo(kafka.get("KAFKA_NODE_ID") + "@localhost:" + controllerPort);
		String inside = advertised.get(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
		for (String service : List.of("ingest-service", "extract-service", "alert-service", "demo-import")) {
			assertThat(this.compose.environment(service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", inside);
		}
		assertThat(inside).isEqualTo("kafka:9092");
	}

	private static Map<String, String> listeners(String value) {
		Map<String, String> listeners = new LinkedHashMap<>();
		for (String listener : value.split(",")) {
			String[] parts = listener.split("://", 2);
			listeners.put(parts[0], parts[1]);
		}
		return listeners;
	}

	@Test
	void thirdPartyImagesArePinnedAndPortsBindToLoopback() {
		this.compose.services().properties().forEach((service) -> {
			String image = this.compose.interpolate(service.getValue().path("image").asString(""));
			if (!image.startsWith("stancewatch/")) {
				assertThat(image).as("image of %s", service.getKey()).matches("[^:]+:[0-9v][^:]*");
			}
			service.getValue()
				.path("ports")
				.valueStream()
				.forEach((port) -> assertThat(this.compose.interpolate(port.asString()))
					.as("port of %s", service.getKey())
					.startsWith("127.0.0.1:"));
		});
	}

	@Test
	void dataLivesInNamedVolumesAndMountedFilesExist() {
		List<String> declared = this.compose.document().path("volumes").propertyNames().stream().toList();
		List<String> named = new ArrayList<>();
		this.compose.services()
			.properties()
			.forEach((service) -> service.getValue().path("volumes").valueStream().forEach((volume) -> {
				String source = volume.asString().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(this.compose.root().resolve(source)).as("mounted by %s", service.getKey()).exists();
				}
				else {
					named.add(source);
				}
			}));
		assertThat(named).containsExactlyInAnyOrderElementsOf(declared);
		assertThat(declared).contains("kafka-data", "postgres-data");
	}

	@Test
	void eachServiceImageIsBuiltForItsModuleAndItsOwnPort() {
		for (String service : List.of("ingest-service", "extract-service", "alert-service")) {
			JsonNode build = this.compose.service(service).path("build");
			assertThat(this.compose.root().resolve(build.path("dockerfile").asString())).isRegularFile();
			assertThat(build.path("args").path("SERVICE").asString()).isEqualTo(service);
			String port = build.path("args").path("PORT").asString();
			assertThat(defaultPort(service)).as("server.port default of %s", service).isEqualTo(port);
			assertThat(this.compose.service(service).path("ports").get(0).asString()).endsWith(":" + port);
		}
	}

	@Test
	void theDockerfileBuildsALayeredNonRootImageThatChecksReadiness() {
		String dockerfile = ComposeFile.read(this.compose.root().resolve("deploy/docker/Dockerfile"));
		assertThat(dockerfile).contains("-Djarmode=tools", "extract --layers --launcher")
			.contains("-jre")
			.contains("USER 10001")
			.contains("HEALTHCHECK")
			.contains("MaxRAMPercentage")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		Matcher modules = Pattern.compile("<module>([^<]+)</module>")
			.matcher(ComposeFile.read(this.compose.root().resolve("pom.xml")));
		while (modules.find()) {
			String module = modules.group(1);
			// The reactor needs every module's pom; the services build from all but these
			// two.
			String copied = List.of("system-tests", "benchmarks").contains(module) ? module + "/pom.xml" : module;
			assertThat(dockerfile).as("the build stage copies %s", copied).contains("COPY " + copied + " " + copied);
		}
		assertThat(this.compose.root().resolve("deploy/docker/healthcheck.sh")).isExecutable();
		assertThat(ComposeFile.read(this.compose.root().resolve(".dockerignore"))).contains("**/target/", ".env");
	}

	@Test
	void containersLogJson() {
		for (String service : List.of("ingest-service", "extract-service", "alert-service", "demo-import")) {
			assertThat(this.compose.environment(service)).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		}
	}

	@Test
	void alertMailGoesToTheMailCatcherOfTheMailProfile() {
		assertThat(this.compose.service("mailpit").path("profiles").get(0).asString()).isEqualTo("mail");
		assertThat(this.compose.environment("alert-service")).containsEntry("SPRING_MAIL_HOST", "mailpit")
			.containsEntry("SPRING_MAIL_PORT", "1025");
	}

	private String defaultPort(String service) {
		String yaml = ComposeFile.read(this.compose.root().resolve(service + "/src/main/resources/application.yml"));
		Matcher matcher = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(yaml);
		assertThat(matcher.find()).as("server.port of %s", service).isTrue();
		return matcher.group(1);
	}

	private static List<Error> schemaErrors(JsonNode document) {
		return composeSchema().validate(document);
	}

	private static Schema composeSchema() {
		ObjectNode schema = (ObjectNode) Yaml.resource("/compose/compose-spec.schema.json");
		// It names its draft by an https URL the validator does not know (it is
		// draft-07),
		// and its $id is relative; neither is needed, its references are all internal.
		schema.remove("$schema");
		schema.remove("$id");
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
	}

}
