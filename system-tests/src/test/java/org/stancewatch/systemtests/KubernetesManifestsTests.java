package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import org.junit.jupiter.api.Test;
import org.stancewatch.contracts.Topics;
import org.stancewatch.testsupport.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s checked offline: every built-in resource against the Kubernetes API's JSON
 * Schemas (strict), the Strimzi resources against design.md's topics and KRaft, and each
 * kustomization against the files and resources it names.
 */
class KubernetesManifestsTests {

	private static final Path K8S = Stack.repositoryRoot().resolve("deploy/k8s");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|_USER|USERNAME)$");

	private static final long THIRTY_DAYS_MS = 30L * 24 * 60 * 60 * 1000;

	private final Kustomization base = Kustomization.in(K8S.resolve("base"));

	private final List<JsonNode> resources = this.base.resources();

	@Test
	void everyBuiltInResourceMatchesTheKubernetesSchema() {
		List<JsonNode> builtIn = Stream
			.concat(this.resources.stream(), Yaml.readAll(K8S.resolve("overlays/example/namespace.yaml")).stream())
			.filter((resource) -> !resource.path("apiVersion").asString().startsWith("kafka.strimzi.io/"))
			.toList();
		assertThat(builtIn).hasSizeGreaterThanOrEqualTo(12);
		for (JsonNode resource : builtIn) {
			assertThat(KubernetesSchemas.knows(resource)).as("schema for %s", describe(resource)).isTrue();
			assertThat(KubernetesSchemas.validate(resource)).as(describe(resource)).isEmpty();
		}
	}

	@Test
	void everyStrimziResourceMatchesTheCrdSchemaStrimziGenerates() {
		List<JsonNode> strimzi = this.resources.stream()
			.filter((resource) -> resource.path("apiVersion").asString().startsWith("kafka.strimzi.io/"))
			.toList();
		assertThat(strimzi).hasSize(8);
		for (JsonNode resource : strimzi) {
			assertThat(StrimziSchemas.validate(resource)).as(describe(resource)).isEmpty();
		}
	}

	@Test
	void theCrdSchemaRefusesAMisspeltFieldAndAWrongType() {
		ObjectNode topic = (ObjectNode) topic(Topics.ARTICLES).deepCopy();
		((ObjectNode) topic.get("spec")).set("partition", ((ObjectNode) topic.get("spec")).remove("partitions"));
		assertThat(StrimziSchemas.validate(topic)).extracting(Error::getMessage)
			.anyMatch((message) -> message.contains("partition"));
		ObjectNode pool = (ObjectNode) find("KafkaNodePool", "dual-role").deepCopy();
		((ObjectNode) pool.get("spec")).putArray("roles").add("leader");
		assertThat(StrimziSchemas.validate(pool)).isNotEmpty();
	}

	@Test
	void everyStrategicMergePatchIsAValidPartOfItsKind() throws IOException {
		int checked = 0;
		for (Kustomization kustomization : kustomizations()) {
			for (JsonNode patch : kustomization.patches()) {
				JsonNode content = Yaml.read(kustomization.resolve(patch.path("path").asString()));
				if (content.isObject() && KubernetesSchemas.knows(content)) {
					assertThat(KubernetesSchemas.validate(content)).as(patch.path("path").asString()).isEmpty();
					checked++;
				}
			}
		}
		assertThat(checked).isPositive();
	}

	@Test
	void theStrictSchemaRefusesAFieldKubernetesDoesNotHave() {
		ObjectNode deployment = (ObjectNode) deployment("alert-service").deepCopy();
		((ObjectNode) deployment.get("spec")).put("replica", 2);
		assertThat(KubernetesSchemas.validate(deployment)).extracting(Error::getMessage)
			.anyMatch((message) -> message.contains("replica"));
		ObjectNode wrongType = (ObjectNode) deployment("alert-service").deepCopy();
		((ObjectNode) wrongType.get("spec")).put("replicas", "two");
		assertThat(KubernetesSchemas.validate(wrongType)).isNotEmpty();
	}

	@Test
	void everyServiceHasProbesOnItsActuatorGroupsAndResources() {
		for (String name : List.of("ingest-service", "extract-service", "alert-service")) {
			JsonNode container = deployment(name).at("/spec/template/spec/containers/0");
			int port = container.at("/ports/0/containerPort").asInt();
			assertThat(Integer.toString(port)).as("port of %s", name).isEqualTo(defaultPort(name));
			assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
			assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
			assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
			assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
			assertThat(deployment(name).at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
			assertThat(service(name).at("/spec/selector"))
				.isEqualTo(deployment(name).at("/spec/template/metadata/labels"));
		}
	}

	@Test
	void secretsAreReferencedNeverInlined() {
		assertThat(this.resources).noneMatch((resource) -> resource.path("kind").asString().equals("Secret"));
		for (String name : List.of("ingest-service", "extract-service", "alert-service")) {
			deployment(name).at("/spec/template/spec/containers/0/env").valueStream().forEach((variable) -> {
				if (SECRET_NAME.matcher(variable.path("name").asString()).matches()) {
					assertThat(variable.has("value")).as("%s of %s", variable.path("name"), name).isFalse();
					assertThat(variable.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("stancewatch-secrets");
				}
			});
		}
		configMap().path("data").propertyNames().forEach((key) -> assertThat(key).doesNotMatch(SECRET_NAME));
	}

	@Test
	void extractAndAlertScaleNoFurtherThanTheirTopicsPartitions() {
		Map<String, String> consumed = Map.of("extract-service", Topics.ARTICLES, "alert-service",
				Topics.RELATION_CHANGES);
		consumed.forEach((service, topic) -> {
			JsonNode hpa = find("HorizontalPodAutoscaler", service);
			assertThat(hpa.at("/spec/scaleTargetRef/kind").asString()).isEqualTo("Deployment");
			assertThat(deployment(hpa.at("/spec/scaleTargetRef/name").asString())).isNotNull();
			assertThat(hpa.at("/spec/maxReplicas").asInt())
				.isLessThanOrEqualTo(topic(topic).at("/spec/partitions").asInt());
			assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
		});
	}

	@Test
	void everyDeploymentHasADisruptionBudgetOverItsPods() {
		for (JsonNode deployment : ofKind("Deployment")) {
			String name = deployment.at("/metadata/name").asString();
			JsonNode budget = find("PodDisruptionBudget", name);
			assertThat(budget.at("/spec/selector/matchLabels"))
				.isEqualTo(deployment.at("/spec/template/metadata/labels"));
			assertThat(deployment.at("/spec/replicas").asInt()).as("replicas of %s", name).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void theTopicsAreThoseOfDesignWithTheirRetention() {
		Map<String, JsonNode> topics = ofKind("KafkaTopic").stream()
			.collect(Collectors.toMap((topic) -> topic.at("/spec/topicName").asString(), (topic) -> topic));
		assertThat(topics.keySet()).containsExactlyInAnyOrder(Topics.ARTICLES, Topics.RELATION_CHANGES,
				Topics.STANCE_SHIFTS, Topics.STANCE, Topics.deadLetter(Topics.ARTICLES),
				Topics.deadLetter(Topics.RELATION_CHANGES));
		assertThat(config(topics.get(Topics.ARTICLES), "cleanup.policy")).isEqualTo("compact");
		assertThat(config(topics.get(Topics.STANCE), "cleanup.policy")).isEqualTo("compact");
		assertThat(config(topics.get(Topics.RELATION_CHANGES), "retention.ms")).isEqualTo("-1");
		assertThat(config(topics.get(Topics.STANCE_SHIFTS), "retention.ms")).isEqualTo("-1");
		assertThat(config(topics.get(Topics.deadLetter(Topics.ARTICLES)), "retention.ms"))
			.isEqualTo(Long.toString(THIRTY_DAYS_MS));
		assertThat(config(topics.get(Topics.deadLetter(Topics.RELATION_CHANGES)), "retention.ms"))
			.isEqualTo(Long.toString(THIRTY_DAYS_MS));
		String partitions = configMap().at("/data/ARTICLES_PARTITIONS").asString();
		int brokers = find("KafkaNodePool", "dual-role").at("/spec/replicas").asInt();
		topics.values().forEach((topic) -> {
			assertThat(topic.at("/spec/partitions").asString()).isEqualTo(partitions);
			assertThat(topic.at("/spec/replicas").asInt()).isBetween(1, brokers);
			assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo(kafkaName());
		});
		assertThat(configMap().at("/data/RELATION_CHANGES_PARTITIONS").asString()).isEqualTo(partitions);
	}

	@Test
	void kafkaIsAKRaftClusterThatCreatesNoTopicByItself() {
		JsonNode kafka = find("Kafka", kafkaName());
		assertThat(kafka.path("apiVersion").asString()).isEqualTo("kafka.strimzi.io/v1");
		assertThat(kafka.has("zookeeper")).isFalse();
		assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
		assertThat(kafka.at("/spec/kafka/version").asString()).isEqualTo("4.2.1");
		JsonNode pool = find("KafkaNodePool", "dual-role");
		assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo(kafkaName());
		assertThat(pool.at("/spec/roles").valueStream().map(JsonNode::asString)).contains("controller", "broker");
		assertThat(pool.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
		int minIsr = kafka.at("/spec/kafka/config/min.insync.replicas").asInt();
		assertThat(kafka.at("/spec/kafka/config/transaction.state.log.min.isr").asInt())
			.isLessThan(pool.at("/spec/replicas").asInt());
		assertThat(minIsr).isLessThan(pool.at("/spec/replicas").asInt());
		// Strimzi names the bootstrap Service <cluster>-kafka-bootstrap.
		JsonNode plain = kafka.at("/spec/kafka/listeners")
			.valueStream()
			.filter((listener) -> !listener.path("tls").asBoolean())
			.findFirst()
			.orElseThrow();
		assertThat(configMap().at("/data/KAFKA_BOOTSTRAP_SERVERS").asString())
			.isEqualTo(kafkaName() + "-kafka-bootstrap:" + plain.path("port").asInt());
	}

	@Test
	void everyFileAKustomizationListsExists() throws IOException {
		for (Kustomization kustomization : kustomizations()) {
			for (Path resource : kustomization.resourcePaths()) {
				assertThat(Files.isRegularFile(resource) || Files.isRegularFile(resource.resolve("kustomization.yaml")))
					.as("%s lists %s", kustomization.directory(), resource)
					.isTrue();
			}
			kustomization.patches()
				.forEach((patch) -> assertThat(kustomization.resolve(patch.path("path").asString())).isRegularFile());
			kustomization.file()
				.path("secretGenerator")
				.valueStream()
				.forEach((generator) -> generator.path("envs")
					.valueStream()
					.forEach((env) -> assertSecretFileIsKeptOutOfGit(kustomization.resolve(env.asString()))));
		}
	}

	@Test
	void everyPatchTargetsAResourceOfTheBaseAndEveryPathItReplacesExists() throws IOException {
		for (Kustomization kustomization : kustomizations()) {
			for (JsonNode patch : kustomization.patches()) {
				Optional<JsonNode> target = kustomization.targetOf(patch);
				assertThat(target).as("target of %s", patch).isPresent();
				JsonNode content = Yaml.read(kustomization.resolve(patch.path("path").asString()));
				if (content.isArray()) {
					content.valueStream()
						.filter((operation) -> !operation.path("op").asString().equals("add"))
						.forEach((operation) -> assertThat(
								target.get().at(operation.path("path").asString()).isMissingNode())
							.as("%s in %s", operation.path("path"), describe(target.get()))
							.isFalse());
				}
			}
		}
	}

	@Test
	void theExampleOverlaySetsEverySecretKeyTheDeploymentsRead() {
		Path example = K8S.resolve("overlays/example/secrets.env.example");
		Map<String, String> keys = ComposeFile.parseEnvFile(ComposeFile.read(example));
		this.resources.stream()
			.filter((resource) -> resource.path("kind").asString().equals("Deployment"))
			.flatMap((deployment) -> deployment.at("/spec/template/spec/containers/0/env").valueStream())
			.map((variable) -> variable.at("/valueFrom/secretKeyRef/key"))
			.filter((key) -> !key.isMissingNode())
			.forEach((key) -> assertThat(keys).containsKey(key.asString()));
	}

	private void assertSecretFileIsKeptOutOfGit(Path secretFile) {
		assertThat(Path.of(secretFile + ".example")).isRegularFile();
		String ignored = ComposeFile.read(Stack.repositoryRoot().resolve(".gitignore"));
		String relative = Stack.repositoryRoot().relativize(secretFile).toString();
		String pattern = relative.replace(secretFile.getParent().getFileName().toString(), "*");
		assertThat(ignored.lines()).as(".gitignore covers %s", relative)
			.anyMatch((line) -> line.equals("/" + relative) || line.equals("/" + pattern));
	}

	private static List<Kustomization> kustomizations() throws IOException {
		try (Stream<Path> files = Files.walk(K8S)) {
			List<Kustomization> found = files
				.filter((file) -> file.getFileName().toString().equals("kustomization.yaml"))
				.map((file) -> Kustomization.in(file.getParent()))
				.toList();
			assertThat(found).hasSizeGreaterThanOrEqualTo(2);
			return found;
		}
	}

	private String kafkaName() {
		return ofKind("Kafka").get(0).at("/metadata/name").asString();
	}

	private JsonNode topic(String name) {
		return ofKind("KafkaTopic").stream()
			.filter((topic) -> topic.at("/spec/topicName").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static String config(JsonNode topic, String key) {
		return topic.at("/spec/config").path(key).asString();
	}

	private JsonNode configMap() {
		return find("ConfigMap", "stancewatch-config");
	}

	private JsonNode deployment(String name) {
		return find("Deployment", name);
	}

	private JsonNode service(String name) {
		return find("Service", name);
	}

	private List<JsonNode> ofKind(String kind) {
		return this.resources.stream().filter((resource) -> resource.path("kind").asString().equals(kind)).toList();
	}

	private JsonNode find(String kind, String name) {
		return ofKind(kind).stream()
			.filter((resource) -> resource.at("/metadata/name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in deploy/k8s/base"));
	}

	private static String describe(JsonNode resource) {
		return resource.path("kind").asString() + " " + resource.at("/metadata/name").asString();
	}

	private static String defaultPort(String service) {
		try {
			String yaml = Files
				.readString(Stack.repositoryRoot().resolve(service + "/src/main/resources/application.yml"));
			Matcher matcher = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(yaml);
			assertThat(matcher.find()).isTrue();
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
