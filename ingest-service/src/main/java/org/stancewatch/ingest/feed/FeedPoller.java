package org.stancewatch.ingest.feed;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.ingest.IngestSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Polls due feeds on a pool of threads. Feeds are leased in the database before they are
 * polled, so several ingest instances sharing one database never poll a feed at the same
 * time; a lease left by a crashed instance expires and the feed is polled again.
 */
@Component
class FeedPoller implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FeedPoller.class);

	private final FeedRepository feeds;

	private final FeedReader reader;

	private final IngestSettings.Poll settings;

	private final PollSchedule schedule;

	private final Clock clock;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + System.nanoTime();

	private final Semaphore capacity;

	private volatile boolean running;

	private ExecutorService workers;

	private Thread scheduler;

	private final MeterRegistry meters;

	private final Tracer tracer;

	FeedPoller(FeedRepository feeds, FeedReader reader, IngestSettings settings, Clock clock, MeterRegistry meters,
			ObjectProvider<Tracer> tracer) {
		this.meters = meters;
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.feeds = feeds;
		this.reader = reader;
		this.settings = settings.poll();
		this.schedule = new PollSchedule(this.settings.jitter(), this.settings.maxBackoff(),
				() -> ThreadLocalRandom.current().nextDouble());
		this.clock = clock;
		this.capacity = new Semaphore(this.settings.threads());
	}

	/** Claims what is due and free capacity allows, and hands each feed to a worker. */
	int pollDue() {
		int free = this.capacity.availablePermits();
		if (free == 0) {
			return 0;
		}
		List<DueFeed> due = this.feeds.claimDue(this.owner, this.settings.lease(),
				Math.min(free, this.settings.batchSize()));
		for (DueFeed feed : due) {
			this.capacity.acquireUninterruptibly();
			this.workers.execute(() -> {
				try {
					pollInSpan(feed);
				}
				finally {
					this.capacity.release();
				}
			});
		}
		return due.size();
	}

	/**
	 * Each poll starts a trace: the articles it finds carry it through the outbox to the
	 * other services, and the poll's log lines show its id.
	 */
	private void pollInSpan(DueFeed feed) {
		Span span = this.tracer.nextSpan().name("poll feed").tag("stancewatch.feed.id", feed.id()).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			poll(feed);
		}
		finally {
			span.end();
		}
	}

	/**
	 * Polls one feed and records the outcome; never throws, so one feed cannot stop the
	 * others.
	 */
	void poll(DueFeed feed) {
		Instant started = this.clock.instant();
		PollResult result;
		try {
			result = this.reader.read(feed);
		}
		catch (RuntimeException ex) {
			logger.warn("Polling feed {} ({}) failed unexpectedly", feed.id(), feed.url(), ex);
			result = PollResult.failed(null, "Internal error: " + ex);
		}
		Instant now = this.clock.instant();
		Timer.builder("stancewatch.ingest.polls")
			.description("Feed polls by outcome, with their duration")
			.tag("outcome", result.outcome().name())
			.register(this.meters)
			.record(Duration.between(started, now));
		try {
			this.feeds.recordPoll(feed, result, started, Duration.between(started, now), next(feed, result, now));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the poll of feed {}; its lease expires and it is polled again", feed.id(),
					ex);
		}
	}

	private Instant next(DueFeed feed, PollResult result, Instant now) {
		return switch (result.outcome()) {
			case OK, NOT_MODIFIED, GONE -> this.schedule.afterSuccess(now, feed.interval());
			case FAILED -> this.schedule.afterFailure(now, feed.interval(), feed.failures() + 1);
			case THROTTLED ->
				this.schedule.afterThrottle(now, feed.interval(), result.retryAfter(), feed.failures() + 1);
		};
	}

	private void loop() {
		while (this.running) {
			try {
				awaitFreeWorker();
				if (pollDue() == 0 && this.capacity.availablePermits() > 0) {
					// Nothing is due (not merely every worker busy): look again after the
					// idle delay.
					sleep(this.settings.idleDelay());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Feed poller could not claim feeds, retrying: {}", ex.getMessage());
				sleep(this.settings.idleDelay().multipliedBy(4));
			}
		}
	}

	/**
	 * Blocks until a worker is free, so a busy pool claims again as soon as a poll ends.
	 */
	private void awaitFreeWorker() {
		try {
			this.capacity.acquire();
			this.capacity.release();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void start() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("feed-poll-");
		threads.setDaemon(true);
		this.workers = Executors.newFixedThreadPool(this.settings.threads(), threads);
		if (!this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.scheduler = new Thread(this::loop, "feed-poller");
		this.scheduler.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.interrupt();
		}
		this.workers.shutdown();
		try {
			this.workers.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
