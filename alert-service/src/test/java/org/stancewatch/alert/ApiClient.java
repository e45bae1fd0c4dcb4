package org.stancewatch.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over real HTTP, as a subscriber's script would. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Response get(String path, @Nullable String key) {
		return send(request(path, key).GET());
	}

	public Response post(String path, @Nullable String key, @Nullable String json) {
		return send(request(path, key).POST(body(json)));
	}

	public Response put(String path, @Nullable String key, String json) {
		return send(request(path, key).PUT(body(json)));
	}

	public Response delete(String path, @Nullable String key) {
		return send(request(path, key).DELETE());
	}

	/** Creates a subscriber with the admin key and returns its API key. */
	public String newSubscriber(String adminKey, String name) {
		Response created = post("/api/subscribers", adminKey, "{\"name\":\"" + name + "\"}");
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create subscriber: " + created);
		}
		return created.json().get("apiKey").asString();
	}

	private HttpRequest.Builder request(String path, @Nullable String key) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		if (key != null) {
			builder.header("Authorization", "Bearer " + key);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher body(@Nullable String json) {
		return (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody();
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param status HTTP status
	 * @param contentType the Content-Type header
	 * @param body the body as text
	 */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
