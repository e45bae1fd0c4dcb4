package org.stancewatch.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.stancewatch.contracts.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * JSON over HTTP to a service, as a client of its public API would call it.
 */
final class Api {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Api() {
	}

	/** POSTs a JSON body; fails unless the answer is 2xx, and returns it parsed. */
	static JsonNode post(String url, String bearer, Object body) {
		HttpResponse<String> response = send(url, bearer, body);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return EventJson.mapper().readTree(response.body());
	}

	/** POSTs a JSON body and returns the status, whatever it is. */
	static HttpResponse<String> send(String url, String bearer, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)));
		if (!bearer.isEmpty()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
