package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of the Kubernetes API types, as the fabric8 kubernetes-model jars ship
 * them ({@code schema/validation-schema.json}, generated from the Kubernetes Go types),
 * made strict the way kubeconform's "-strict" schemas are: a field the type does not have
 * is an error ({@code kubectl apply --validate=strict} refuses it too), where the shipped
 * schemas would let it through. Quantities and int-or-string fields take their YAML
 * forms.
 */
final class KubernetesSchemas {

	private static final Map<String, String> DEFINITIONS = Map.of("v1/ConfigMap", "kubernetes_core_ConfigMap",
			"v1/Service", "kubernetes_core_Service", "v1/Namespace", "kubernetes_core_Namespace", "v1/Secret",
			"kubernetes_core_Secret", "apps/v1/Deployment", "kubernetes_apps_Deployment",
			"autoscaling/v2/HorizontalPodAutoscaler", "kubernetes_autoscaling_v2_HorizontalPodAutoscaler",
			"policy/v1/PodDisruptionBudget", "kubernetes_policy_v1_PodDisruptionBudget");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private KubernetesSchemas() {
	}

	static boolean knows(JsonNode resource) {
		return DEFINITIONS.containsKey(typeOf(resource));
	}

	static List<Error> validate(JsonNode resource) {
		String type = typeOf(resource);
		String definition = DEFINITIONS.get(type);
		if (definition == null) {
			throw new IllegalArgumentException("No schema for " + type);
		}
		return schemas.computeIfAbsent(definition, KubernetesSchemas::load).validate(resource);
	}

	private static String typeOf(JsonNode resource) {
		return resource.path("apiVersion").asString() + "/" + resource.path("kind").asString();
	}

	private static Schema load(String definition) {
		ObjectNode document = shippedSchemaDefining(definition);
		ObjectNode definitions = (ObjectNode) document.get("definitions");
		definitions.properties()
			.forEach((entry) -> entry.setValue(strict(entry.getKey(), (ObjectNode) entry.getValue())));
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		schema.set("definitions", definitions);
		schema.put("$ref", "#/definitions/" + definition);
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
	}

	private static ObjectNode strict(String name, ObjectNode definition) {
		if (name.endsWith("_Quantity")) {
			return scalar("string", "number", "integer");
		}
		if (name.endsWith("_IntOrString")) {
			return scalar("string", "integer");
		}
		JsonNode properties = definition.get("properties");
		if (properties != null && properties.isObject()) {
			// draft-03 style "required": true inside a property; the Go types are the
			// truth.
			properties.values().forEach((property) -> ((ObjectNode) property).remove("required"));
			if (definition.path("additionalProperties").isBoolean()) {
				definition.put("additionalProperties", false);
			}
		}
		return definition;
	}

	private static ObjectNode scalar(String... types) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		ArrayNode type = schema.putArray("type");
		for (String each : types) {
			type.add(each);
		}
		return schema;
	}

	/**
	 * The model jars (copied by the build to target/kubernetes-schemas, kept off the
	 * classpath) all ship the same file name; each holds its own API group.
	 */
	private static ObjectNode shippedSchemaDefining(String definition) {
		Path jars = Path.of("target", "kubernetes-schemas");
		try (Stream<Path> files = Files.list(jars)) {
			for (Path jar : files.filter((file) -> file.toString().endsWith(".jar")).sorted().toList()) {
				try (ZipFile zip = new ZipFile(jar.toFile())) {
					ZipEntry entry = zip.getEntry("schema/validation-schema.json");
					if (entry == null) {
						continue;
					}
					try (InputStream in = zip.getInputStream(entry)) {
						JsonNode document = json.readTree(in);
						if (document.path("definitions").has(definition)) {
							return (ObjectNode) document;
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Run the build's generate-test-resources phase to copy them into " + jars,
					ex);
		}
		throw new IllegalStateException("No fabric8 kubernetes-model schema in " + jars + " defines " + definition);
	}

}
