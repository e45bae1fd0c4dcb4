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
 * POSTs dispatches to ingest one after the other, at most {@code perSecond} a second, as
 * a partner's system would, and sends a dispatch again until ingest accepts it (201, or
 * 200 when it already had it). While ingest, its database or its broker is away the
 * stream stalls on the failing dispatch and goes on when it is accepted, so every fault
 * lands in the middle of the stream.
 */
final class ArticleLoader implements AutoCloseable {

	private static final long RETRY_MILLIS = 250;

	private final String url;

	private final List<Dispatch> dispatches;

	private final long gapMillis;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	private final int total;

	ArticleLoader(String ingestUrl, List<Dispatch> dispatches, int perSecond) {
		this.url = ingestUrl + "/api/articles";
		this.dispatches = List.copyOf(dispatches);
		this.total = dispatches.size();
		this.gapMillis = 1000L / perSecond;
		this.scheduler.execute(this::sendNext);
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

	private void sendNext() {
		int next = this.accepted.get();
		if (next == this.total) {
			return;
		}
		if (send(this.dispatches.get(next))) {
			this.accepted.incrementAndGet();
			this.scheduler.schedule(this::sendNext, this.gapMillis, TimeUnit.MILLISECONDS);
		}
		else {
			this.failures.incrementAndGet();
			this.scheduler.schedule(this::sendNext, RETRY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private boolean send(Dispatch dispatch) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("url", dispatch.url());
		body.put("title", dispatch.title());
		body.put("text", dispatch.text());
		body.put("publishedAt", dispatch.publishedAt().toString());
		body.put("language", "en");
		try {
			HttpResponse<String> response = Api.send(this.url, "", body);
			return response.statusCode() == 200 || response.statusCode() == 201;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
