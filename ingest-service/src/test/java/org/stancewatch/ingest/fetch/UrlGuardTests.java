package org.stancewatch.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.stancewatch.ingest.fetch.FetchResult.FailureKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard, end to end through {@link FeedFetcher}, with real servers on loopback.
 * <p>
 * The redirect case needs a "public" host that we control. Nothing public is reachable
 * from a test, so a local server on 127.0.0.1 plays that part: the fetcher gets a
 * resolver that maps the made-up name {@code news.public.test} to 127.0.0.1, and a guard
 * that treats exactly that one address as public. The private target of the redirect is a
 * second server on a different loopback address, 127.0.0.2, which the guard still
 * refuses. A control test shows that without the guard the very same redirect does reach
 * that second server, so the refusal is the guard's doing, not a broken setup.
 */
class UrlGuardTests {

	private static final String RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

	private final LocalHttpServer server = new LocalHttpServer();

	private final FeedFetcher guarded = new FeedFetcher(FetchSettings.defaults());

	@AfterEach
	void close() throws IOException {
		this.guarded.close();
		this.server.close();
	}

	@Test
	void shouldRefuseLoopbackWithoutConnecting() {
		this.server.on("/feed", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", RSS.getBytes()));

		assertRefused(this.guarded.fetch(this.server.uri("/feed"), null, null), "127.0.0.1", "loopback");
		assertRefused(this.guarded.fetch(URI.create("http://localhost:" + this.server.port() + "/feed"), null, null),
				"localhost", "loopback");
		assertThat(this.server.hits()).isZero();
	}

	@Test
	void shouldRefuseIpv4MappedIpv6Loopback() {
		this.server.on("/feed", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", RSS.getBytes()));

		FetchResult result = this.guarded.fetch(URI.create("http://[::ffff:127.0.0.1]:" + this.server.port() + "/feed"),
				null, null);

		assertRefused(result, "127.0.0.1", "loopback");
		assertThat(this.server.hits()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.1.2.3/feed", "http://172.20.0.5/feed", "http://192.168.1.1/feed",
			"http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/feed", "http://0.0.0.0/feed",
			"http://[::1]/feed", "http://[fd00:ec2::254]/latest/meta-data/", "http://[fe80::1]/feed",
			"http://[::ffff:10.0.0.1]/feed", "http://[::ffff:169.254.169.254]/feed", "http://[::]/feed",
			"http://224.0.0.1/feed" })
	void shouldRefusePrivateLinkLocalAndMetadataAddresses(String url) {
		FetchResult result = this.guarded.fetch(URI.create(url), null, null);

		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.REFUSED_ADDRESS);
			assertThat(failed.reason()).startsWith("refused to connect to");
		});
	}

	@Test
	void shouldRefuseANameThatResolvesToAPrivateAddress() throws IOException {
		DnsResolver resolver = names(Map.of("feeds.example.test", "192.168.7.7"));
		try (FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults(), resolver, AddressGuard.publicOnly(),
				Clock.systemUTC())) {
			assertRefused(fetcher.fetch(URI.create("http://feeds.example.test/rss"), null, null), "feeds.example.test",
					"192.168.7.7");
		}
	}

	@Test
	void shouldRefuseAPublicFeedRedirectingToAPrivateAddress() throws IOException {
		try (LocalHttpServer internal = new LocalHttpServer("127.0.0.2")) {
			internal.on("/admin", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", RSS.getBytes()));
			this.server.on("/feed", (exchange) -> {
				exchange.getResponseHeaders().set("Location", internal.uri("/admin").toString());
				exchange.sendResponseHeaders(302, -1);
			});
			URI publicFeed = URI.create("http://news.public.test:" + this.server.port() + "/feed");

			try (FeedFetcher fetcher = publicTestHostFetcher()) {
				assertRefused(fetcher.fetch(publicFeed, null, null), "127.0.0.2", "loopback");
			}

			assertThat(this.server.hits()).as("the public host was asked").isEqualTo(1);
			assertThat(internal.hits()).as("the private host was never contacted").isZero();
		}
	}

	@Test
	void shouldRefuseARedirectToAPrivateNameAsWell() throws IOException {
		this.server.on("/feed", (exchange) -> {
			exchange.getResponseHeaders().set("Location", "http://metadata.internal.test/latest/meta-data/");
			exchange.sendResponseHeaders(301, -1);
		});
		DnsResolver resolver = names(
				Map.of("news.public.test", "127.0.0.1", "metadata.internal.test", "169.254.169.254"));
		try (FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults(), resolver,
				AddressGuard.publicOnlyPlus(Set.of(InetAddress.getByName("127.0.0.1"))), Clock.systemUTC())) {
			FetchResult result = fetcher.fetch(URI.create("http://news.public.test:" + this.server.port() + "/feed"),
					null, null);

			assertRefused(result, "metadata.internal.test", "169.254.169.254");
		}
	}

	@Test
	void controlTheSameRedirectReachesThePrivateServerWhenPrivateAddressesAreAllowed() throws IOException {
		try (LocalHttpServer internal = new LocalHttpServer("127.0.0.2")) {
			internal.on("/admin", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", RSS.getBytes()));
			this.server.on("/feed", (exchange) -> {
				exchange.getResponseHeaders().set("Location", internal.uri("/admin").toString());
				exchange.sendResponseHeaders(302, -1);
			});
			try (FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults(),
					names(Map.of("news.public.test", "127.0.0.1")), AddressGuard.allowingAll(), Clock.systemUTC())) {
				FetchResult result = fetcher
					.fetch(URI.create("http://news.public.test:" + this.server.port() + "/feed"), null, null);

				assertThat(result).isInstanceOf(FetchResult.Ok.class);
			}
			assertThat(internal.hits()).isEqualTo(1);
		}
	}

	@Test
	void shouldFetchFromTheStandInPublicHost() throws IOException {
		this.server.on("/feed", (exchange) -> LocalHttpServer.respond(exchange, 200, "text/xml", RSS.getBytes()));

		try (FeedFetcher fetcher = publicTestHostFetcher()) {
			FetchResult result = fetcher.fetch(URI.create("http://news.public.test:" + this.server.port() + "/feed"),
					null, null);

			assertThat(result).isInstanceOf(FetchResult.Ok.class);
		}
	}

	private static FeedFetcher publicTestHostFetcher() throws UnknownHostException {
		return new FeedFetcher(FetchSettings.defaults(), names(Map.of("news.public.test", "127.0.0.1")),
				AddressGuard.publicOnlyPlus(Set.of(InetAddress.getByName("127.0.0.1"))), Clock.systemUTC());
	}

	/** Made-up names resolve to the given literal addresses; others as usual. */
	private static DnsResolver names(Map<String, String> table) {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				String address = table.get(host);
				return (address != null) ? new InetAddress[] { InetAddress.getByName(address) }
						: SystemDefaultDnsResolver.INSTANCE.resolve(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
	}

	private static void assertRefused(FetchResult result, String... mentions) {
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.REFUSED_ADDRESS);
			assertThat(failed.reason()).contains(mentions);
		});
	}

}
