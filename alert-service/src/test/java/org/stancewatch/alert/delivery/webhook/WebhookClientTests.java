package org.stancewatch.alert.delivery.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.alert.delivery.SendResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard on every hop of a redirect, with real servers on two loopback addresses: the
 * guard here blocks only 127.0.0.2, standing in for a private network behind a public
 * endpoint that redirects into it.
 */
class WebhookClientTests {

	private final AtomicInteger insideHits = new AtomicInteger();

	private HttpServer inside;

	private HttpServer outside;

	@AfterEach
	void stop() {
		if (this.outside != null) {
			this.outside.stop(0);
		}
		if (this.inside != null) {
			this.inside.stop(0);
		}
	}

	@Test
	void shouldRefuseARedirectToABlockedAddress() throws IOException {
		startServers();
		WebhookClient client = new WebhookClient(Duration.ofSeconds(5), new GuardedDnsResolver(
				SystemDefaultDnsResolver.INSTANCE, (address) -> address.getHostAddress().equals("127.0.0.2")));

		SendResult result = client.post("http://127.0.0.1:" + this.outside.getAddress().getPort() + "/hook",
				"{}".getBytes(StandardCharsets.UTF_8), Map.of());

		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
		assertThat(result.error()).contains("refused to connect to 127.0.0.2");
		assertThat(this.insideHits).hasValue(0);
	}

	@Test
	void shouldFollowTheSameRedirectWhenTheTargetIsAllowed() throws IOException {
		startServers();
		WebhookClient client = new WebhookClient(Duration.ofSeconds(5),
				new GuardedDnsResolver(SystemDefaultDnsResolver.INSTANCE, (address) -> false));

		SendResult result = client.post("http://127.0.0.1:" + this.outside.getAddress().getPort() + "/hook",
				"{}".getBytes(StandardCharsets.UTF_8), Map.of());

		assertThat(result.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
		assertThat(this.insideHits).hasValue(1);
	}

	private void startServers() throws IOException {
		this.inside = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
		this.inside.createContext("/", (exchange) -> {
			this.insideHits.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.inside.start();
		String insideUrl = "http://127.0.0.2:" + this.inside.getAddress().getPort() + "/internal";
		this.outside = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.outside.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Location", insideUrl);
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		this.outside.start();
	}

}
