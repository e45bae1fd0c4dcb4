package org.stancewatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.stancewatch.ingest.fetch.AddressGuard.RefusedAddressException;
import org.stancewatch.ingest.fetch.FetchResult.FailureKind;

/**
 * Fetches feeds and article pages: conditional GET, gzip/deflate, redirects followed one
 * by one (at most {@link FetchSettings#maxRedirects()}), connect/read/total time limits,
 * a cap on decoded bytes, and the {@link AddressGuard} at every connect. Thread-safe;
 * create one and share it, close it on shutdown.
 */
public final class FeedFetcher implements AutoCloseable {

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
			+ "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

	private final FetchSettings settings;

	private final CloseableHttpClient client;

	private final ScheduledExecutorService alarms;

	private final Clock clock;

	/** A fetcher resolving names with the system resolver. */
	public FeedFetcher(FetchSettings settings) {
		this(settings, SystemDefaultDnsResolver.INSTANCE,
				settings.allowPrivateAddresses() ? AddressGuard.allowingAll() : AddressGuard.publicOnly(),
				Clock.systemUTC());
	}

	FeedFetcher(FetchSettings settings, DnsResolver resolver, AddressGuard guard, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.client = httpClient(settings, new GuardedDnsResolver(resolver, guard));
		this.alarms = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "feed-fetch-deadline");
			thread.setDaemon(true);
			return thread;
		});
	}

	private static CloseableHttpClient httpClient(FetchSettings settings, DnsResolver resolver) {
		Timeout read = Timeout.of(settings.readTimeout());
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(resolver)
			.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(settings.connectTimeout()))
				.setSocketTimeout(read)
				.build())
			.setMaxConnTotal(50)
			.setMaxConnPerRoute(2)
			.build();
		// Redirects are followed by hand so that each hop is counted, its scheme checked
		// and a permanent move reported; no system proxy, no cookies, no retries.
		return HttpClients.custom()
			.setConnectionManager(connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(settings.userAgent())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(read)
				.setConnectionRequestTimeout(Timeout.of(settings.totalTimeout()))
				.build())
			.build();
	}

	/**
	 * Fetches {@code url}, sending the validators of the last fetch when given. Never
	 * throws for network or server trouble: every failure is a {@link FetchResult.Failed}
	 * with its reason.
	 */
	public FetchResult fetch(URI url, @Nullable String etag, @Nullable String lastModified) {
		Deadline deadline = new Deadline(this.alarms, this.settings.totalTimeout());
		try {
			return follow(url, etag, lastModified, deadline);
		}
		finally {
			deadline.disarm();
		}
	}

	private FetchResult follow(URI url, @Nullable String etag, @Nullable String lastModified, Deadline deadline) {
		URI current = url;
		URI permanent = null;
		boolean permanentSoFar = true;
		for (int redirects = 0;; redirects++) {
			String scheme = (current.getScheme() != null) ? current.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return new FetchResult.Failed(FailureKind.UNSUPPORTED_SCHEME,
						"only http and https URLs are fetched, not '" + current + "'", current);
			}
			if (current.getHost() == null) {
				return new FetchResult.Failed(FailureKind.PROTOCOL, "URL has no host: " + current, current);
			}
			HttpGet get = new HttpGet(current);
			get.setHeader(HttpHeaders.ACCEPT, ACCEPT);
			if (etag != null) {
				get.setHeader(HttpHeaders.IF_NONE_MATCH, etag);
			}
			if (lastModified != null) {
				get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
			}
			Hop hop = exchange(get, current, deadline, etag, lastModified, permanent);
			if (hop.result() != null) {
				return hop.result();
			}
			URI next = hop.redirectTo();
			if (redirects >= this.settings.maxRedirects()) {
				return new FetchResult.Failed(FailureKind.TOO_MANY_REDIRECTS,
						"more than " + this.settings.maxRedirects() + " redirects, last to " + next, current);
			}
			permanentSoFar &= hop.permanent();
			permanent = permanentSoFar ? next : permanent;
			current = next;
		}
	}

	/** One request: either a final result, or where to go next. */
	private record Hop(@Nullable FetchResult result, @Nullable URI redirectTo, boolean permanent) {

		static Hop done(FetchResult result) {
			return new Hop(result, null, false);
		}

	}

	private Hop exchange(HttpGet get, URI url, Deadline deadline, @Nullable String etag, @Nullable String lastModified,
			@Nullable URI permanent) {
		deadline.watch(get);
		boolean complete = false;
		try (ClassicHttpResponse response = this.client.executeOpen(null, get, null)) {
			int status = response.getCode();
			Hop hop = switch (status) {
				case 301, 302, 303, 307, 308 -> redirect(response, url, status == 301 || status == 308);
				case 304 -> Hop.done(new FetchResult.NotModified(header(response, HttpHeaders.ETAG, etag),
						header(response, HttpHeaders.LAST_MODIFIED, lastModified), permanent));
				case 410 -> Hop.done(new FetchResult.Gone(url));
				case 429, 503 -> Hop.done(new FetchResult.Throttled(status, retryAfter(response)));
				default -> (status >= 200 && status < 300) ? Hop.done(body(response, url, permanent, deadline))
						: Hop.done(new FetchResult.Failed(FailureKind.HTTP_STATUS,
								"HTTP " + new StatusLine(response) + " from " + url, url, status));
			};
			complete = hop.result() instanceof FetchResult.Ok;
			return hop;
		}
		catch (IOException ex) {
			return Hop.done(failure(ex, url, deadline));
		}
		finally {
			if (!complete) {
				// Closing an unread body would drain it (forever, for an endless stream):
				// drop the connection instead.
				get.cancel();
			}
		}
	}

	private Hop redirect(ClassicHttpResponse response, URI url, boolean permanent) {
		Header location = response.getFirstHeader(HttpHeaders.LOCATION);
		if (location == null || location.getValue().isBlank()) {
			return Hop.done(new FetchResult.Failed(FailureKind.HTTP_STATUS,
					"HTTP " + response.getCode() + " redirect without a Location header from " + url, url));
		}
		try {
			URI next = url.resolve(new URI(location.getValue().trim()));
			return new Hop(null, next, permanent);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Hop.done(new FetchResult.Failed(FailureKind.PROTOCOL,
					"redirect from " + url + " to an invalid URL '" + location.getValue() + "'", url));
		}
	}

	private FetchResult body(ClassicHttpResponse response, URI url, @Nullable URI permanent, Deadline deadline)
			throws IOException {
		HttpEntity entity = response.getEntity();
		String contentType = header(response, HttpHeaders.CONTENT_TYPE, null);
		String etag = header(response, HttpHeaders.ETAG, null);
		String lastModified = header(response, HttpHeaders.LAST_MODIFIED, null);
		if (entity == null) {
			return new FetchResult.Ok(new byte[0], contentType, etag, lastModified, url, permanent);
		}
		long max = this.settings.maxBytes();
		// Only meaningful when not compressed: the decoded length of a gzip body is
		// unknown.
		if (entity.getContentLength() > max) {
			return tooLarge(url, "declares " + entity.getContentLength() + " bytes");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(
				(int) Math.min(Math.max(entity.getContentLength(), 8192), max));
		byte[] buffer = new byte[16384];
		long total = 0;
		try (InputStream in = entity.getContent()) {
			int n;
			while ((n = in.read(buffer)) != -1) {
				total += n;
				if (total > max) {
					return tooLarge(url, "sent more than that");
				}
				out.write(buffer, 0, n);
				if (deadline.expired()) {
					return timeout(url);
				}
			}
		}
		return new FetchResult.Ok(out.toByteArray(), contentType, etag, lastModified, url, permanent);
	}

	private FetchResult tooLarge(URI url, String what) {
		return new FetchResult.Failed(FailureKind.TOO_LARGE, "response too large: the limit is "
				+ this.settings.maxBytes() + " bytes (after decompression) and " + url + " " + what, url);
	}

	private FetchResult timeout(URI url) {
		return new FetchResult.Failed(FailureKind.TIMEOUT,
				"gave up after the total time limit of " + this.settings.totalTimeout().toMillis() + " ms for " + url,
				url);
	}

	private FetchResult failure(IOException ex, URI url, Deadline deadline) {
		if (deadline.expired()) {
			return timeout(url);
		}
		String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		if (find(ex, RefusedAddressException.class) instanceof RefusedAddressException refused) {
			return new FetchResult.Failed(FailureKind.REFUSED_ADDRESS, String.valueOf(refused.getMessage()), url);
		}
		if (find(ex, UnknownHostException.class) != null) {
			return new FetchResult.Failed(FailureKind.DNS, "host name does not resolve: " + url.getHost(), url);
		}
		if (find(ex, ConnectTimeoutException.class) != null) {
			return new FetchResult.Failed(FailureKind.TIMEOUT, "connect timed out after "
					+ this.settings.connectTimeout().toMillis() + " ms to " + url + ": " + detail, url);
		}
		if (find(ex, SocketTimeoutException.class) != null || find(ex, InterruptedIOException.class) != null) {
			return new FetchResult.Failed(FailureKind.TIMEOUT, "no data for " + this.settings.readTimeout().toMillis()
					+ " ms (read timeout) from " + url + ": " + detail, url);
		}
		if (find(ex, SSLException.class) != null) {
			return new FetchResult.Failed(FailureKind.TLS, "TLS failure with " + url + ": " + detail, url);
		}
		if (find(ex, ConnectException.class) != null || find(ex, NoRouteToHostException.class) != null) {
			return new FetchResult.Failed(FailureKind.CONNECTION, "could not connect to " + url + ": " + detail, url);
		}
		if (find(ex, ConnectionClosedException.class) != null) {
			return new FetchResult.Failed(FailureKind.TRUNCATED,
					"connection closed before the whole body arrived from " + url + ": " + detail, url);
		}
		if (find(ex, ProtocolException.class) != null || find(ex, ClientProtocolException.class) != null) {
			return new FetchResult.Failed(FailureKind.PROTOCOL, "bad HTTP from " + url + ": " + detail, url);
		}
		return new FetchResult.Failed(FailureKind.IO, "I/O error fetching " + url + ": " + detail, url);
	}

	/**
	 * The first exception of the given type in the cause chain (the client wraps some).
	 */
	private static @Nullable Throwable find(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return current;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static @Nullable String header(ClassicHttpResponse response, String name, @Nullable String fallback) {
		Header header = response.getFirstHeader(name);
		return (header != null && !header.getValue().isBlank()) ? header.getValue().trim() : fallback;
	}

	private @Nullable Duration retryAfter(ClassicHttpResponse response) {
		String value = header(response, HttpHeaders.RETRY_AFTER, null);
		if (value == null) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		Instant at = DateUtils.parseStandardDate(value);
		if (at == null) {
			return null;
		}
		Duration wait = Duration.between(this.clock.instant(), at);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	@Override
	public void close() throws IOException {
		this.alarms.shutdownNow();
		this.client.close();
	}

	/**
	 * The total time limit of one fetch: when it passes, the request in flight is
	 * cancelled, which unblocks a thread stuck reading a dripping response.
	 */
	private static final class Deadline {

		private final long deadlineNanos;

		private final AtomicBoolean expired = new AtomicBoolean();

		private volatile @Nullable HttpGet current;

		private final ScheduledFuture<?> alarm;

		Deadline(ScheduledExecutorService alarms, Duration limit) {
			this.deadlineNanos = System.nanoTime() + limit.toNanos();
			this.alarm = alarms.schedule(this::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
		}

		private void fire() {
			this.expired.set(true);
			HttpGet get = this.current;
			if (get != null) {
				get.cancel();
			}
		}

		void watch(HttpGet get) {
			this.current = get;
			if (expired()) {
				get.cancel();
			}
		}

		boolean expired() {
			return this.expired.get() || System.nanoTime() - this.deadlineNanos >= 0;
		}

		void disarm() {
			this.alarm.cancel(false);
			this.current = null;
		}

	}

}
