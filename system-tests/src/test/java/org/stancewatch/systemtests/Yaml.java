package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML files (compose, Kubernetes manifests, Prometheus) as Jackson trees. */
final class Yaml {

	private static final YAMLMapper mapper = YAMLMapper.builder().build();

	private Yaml() {
	}

	static JsonNode read(String yaml) {
		return mapper.readTree(yaml);
	}

	static JsonNode read(Path file) {
		return read(ComposeFile.read(file));
	}

	/** A classpath resource (YAML or JSON). */
	static JsonNode resource(String name) {
		try (InputStream in = Yaml.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No resource " + name);
			}
			return mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every document of a multi-document file ({@code ---}), empty ones left out. */
	static List<JsonNode> readAll(Path file) {
		return mapper.readerFor(JsonNode.class)
			.<JsonNode>readValues(ComposeFile.read(file))
			.readAll()
			.stream()
			.filter((document) -> document != null && !document.isNull() && !document.isMissingNode())
			.toList();
	}

}
