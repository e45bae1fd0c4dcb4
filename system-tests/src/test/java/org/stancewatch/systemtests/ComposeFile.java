package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stancewatch.testsupport.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level docker-compose.yml and its .env.example, read the way
 * {@code docker compose} reads them: variables interpolated ({@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR?error}}, {@code $$} for a literal dollar) from the example environment.
 */
final class ComposeFile {

	private static final Pattern VARIABLE = Pattern
		.compile("\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\\}|([A-Za-z_][A-Za-z0-9_]*))");

	private final Path root;

	private final String text;

	private final JsonNode document;

	private final Map<String, String> exampleEnvironment;

	private ComposeFile(Path root) {
		this.root = root;
		this.text = read(root.resolve("docker-compose.yml"));
		this.document = Yaml.read(this.text);
		this.exampleEnvironment = parseEnvFile(read(root.resolve(".env.example")));
	}

	static ComposeFile load() {
		return new ComposeFile(Stack.repositoryRoot());
	}

	Path root() {
		return this.root;
	}

	String text() {
		return this.text;
	}

	/** The parsed file, before interpolation. */
	JsonNode document() {
		return this.document;
	}

	ObjectNode services() {
		return (ObjectNode) this.document.get("services");
	}

	JsonNode service(String name) {
		JsonNode service = services().get(name);
		if (service == null) {
			throw new IllegalArgumentException("No service " + name + " in docker-compose.yml");
		}
		return service;
	}

	Map<String, String> exampleEnvironment() {
		return this.exampleEnvironment;
	}

	/** Every variable the file refers to, in order of first use. */
	Set<String> variables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(this.text);
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(4);
			if (name != null && !isInComment(matcher.start())) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The environment a service's container gets, interpolated with .env.example, as a
	 * map in file order.
	 */
	Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		JsonNode declared = service(service).path("environment");
		declared.properties()
			.forEach((entry) -> environment.put(entry.getKey(), interpolate(entry.getValue().asString())));
		return environment;
	}

	/** Interpolates a value as compose does, with .env.example as the environment. */
	String interpolate(String value) {
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(substitute(matcher)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private String substitute(Matcher matcher) {
		if (matcher.group().equals("$$")) {
			return "$";
		}
		String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(4);
		String operator = matcher.group(2);
		String argument = (matcher.group(3) != null) ? matcher.group(3) : "";
		String value = this.exampleEnvironment.get(name);
		boolean emptyCounts = operator != null && operator.startsWith(":");
		boolean missing = value == null || (emptyCounts && value.isEmpty());
		if (operator == null) {
			return (value != null) ? value : "";
		}
		if (operator.endsWith("-")) {
			return missing ? argument : value;
		}
		if (missing) {
			throw new IllegalStateException("Required variable " + name + " is not set: " + argument);
		}
		return value;
	}

	private boolean isInComment(int offset) {
		int lineStart = this.text.lastIndexOf('\n', offset) + 1;
		return this.text.substring(lineStart, offset).stripLeading().startsWith("#");
	}

	static Map<String, String> parseEnvFile(String content) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String line : content.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("Not NAME=value: " + line);
			}
			environment.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
		}
		return environment;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names of the services that run until stopped (not one-shot jobs). */
	List<String> longRunningServices() {
		return services().propertyNames()
			.stream()
			.filter((name) -> !"no".equals(service(name).path("restart").asString("")))
			.toList();
	}

}
