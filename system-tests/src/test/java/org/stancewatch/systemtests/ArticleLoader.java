package org.stancewatch.systemtests;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.stancewatch.systemtests.Dispatches.Dispatch;

/**
 * POSTs dispatches to ingest at a steady pace, as a partner's system would, and sends a
 * dispatch again until ingest accepts it (201, or 200 when it already had it): while
 * ingest, its database or its broker is away, requests fail and are retried.
 */
final class ArticleLoader implements AutoCloseable {

	private static final long RETRY_MILLIS = 250;

	private final String url;

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	private final int total;

	/**
	 * Starts sending {@code dispatches} to {@code ingestUrl}, one every
	 * {@code 1000 / perSecond} ms.
	 */
	ArticleLoader(String ingestUrl, List<Dispatch> dispatches, int perSecond) {
		this.url = ingestUrl + "/api/articles";
		this.total = dispatches.size();
		long gapMicros = 1_000_000L / perSecond;
		for (int i = 0; i < dispatches.size(); i++) {
			Dispatch dispatch = dispatches.get(i);
			this.scheduler.schedule(() -> send(dispatch), i * gapMicros, TimeUnit.MICROSECONDS);
		}
	}

	int accepted() {
		return this.accepted.get();
	}

	int failures() {
		return this.failures.get();
	}

	boolean done() {
		return this.accepted.get() == this.total;
	}

	private void send(Dispatch dispatch) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("url", dispatch.url());
		body.put("title", dispatch.title());
		body.put("text", dispatch.text());
		body.put("publishedAt", dispatch.publishedAt().toString());
		body.put("language", "en");
		boolean ok;
		try {
			HttpResponse<String> response = Api.send(this.url, "", body);
			ok = response.statusCode() == 200 || response.statusCode() == 201;
		}
		catch (RuntimeException ex) {
			ok = false;
		}
		if (ok) {
			this.accepted.incrementAndGet();
		}
		else {
			this.failures.incrementAndGet();
			this.scheduler.schedule(() -> send(dispatch), RETRY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
