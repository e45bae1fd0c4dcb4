package org.stancewatch.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A kustomization.yaml and the resources it brings in, read without kustomize: enough to
 * check that what it lists exists and what it patches is there.
 */
record Kustomization(Path directory, JsonNode file) {

	static Kustomization in(Path directory) {
		Path file = directory.resolve("kustomization.yaml");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("No kustomization.yaml in " + directory);
		}
		return new Kustomization(directory, Yaml.read(file));
	}

	/** Paths of the resources entries, resolved against this directory. */
	List<Path> resourcePaths() {
		return this.file.path("resources").valueStream().map((entry) -> resolve(entry.asString())).toList();
	}

	/** Every resource document this kustomization yields, bases included, unpatched. */
	List<JsonNode> resources() {
		List<JsonNode> resources = new ArrayList<>();
		for (Path path : resourcePaths()) {
			if (Files.isDirectory(path)) {
				resources.addAll(in(path).resources());
			}
			else {
				resources.addAll(Yaml.readAll(path));
			}
		}
		return resources;
	}

	List<JsonNode> patches() {
		return this.file.path("patches").valueStream().toList();
	}

	/**
	 * The resource a patch entry applies to: by its target, else by the patch's own kind
	 * and name.
	 */
	Optional<JsonNode> targetOf(JsonNode patch) {
		JsonNode target = patch.path("target");
		JsonNode selector = target.isMissingNode() ? Yaml.read(resolve(patch.path("path").asString())) : target;
		String kind = selector.path("kind").asString();
		String name = target.isMissingNode() ? selector.path("metadata").path("name").asString()
				: selector.path("name").asString();
		String group = target.path("group").asString("");
		return resources().stream()
			.filter((resource) -> resource.path("kind").asString().equals(kind)
					&& resource.path("metadata").path("name").asString().equals(name)
					&& (group.isEmpty() || resource.path("apiVersion").asString().startsWith(group + "/")))
			.findFirst();
	}

	Path resolve(String relative) {
		return this.directory.resolve(relative).normalize();
	}

}
