package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.stancewatch.kafka.RecordTraces;
import org.stancewatch.alert.subscription.ChannelType;
import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.alert.subscription.SubscriptionRepository;
import org.stancewatch.contracts.StanceShift;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries, sends them and records each attempt. Runs on its own threads so
 * that a slow receiver never holds up other scheduled work; several instances share the
 * table safely, since a claimed row is leased to one worker.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeliveryWorker.class);

	private final DeliveryRepository deliveries;

	private final SubscriptionRepository subscriptions;

	private final Map<ChannelType, AlertChannel> channels = new EnumMap<>(ChannelType.class);

	private final DeliveryProperties properties;

	private final RetrySchedule schedule;

	private final DeliveryMetrics metrics;

	private final String publicUrl;

	private final TransactionTemplate transactions;

	private final RecordTraces trace;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private final String workerId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

	private @Nullable ScheduledExecutorService poller;

	private @Nullable ExecutorService senders;

	DeliveryWorker(DeliveryRepository deliveries, SubscriptionRepository subscriptions, List<AlertChannel> channels,
			DeliveryProperties properties, DeliveryMetrics metrics, TransactionTemplate transactions,
			RecordTraces trace, @Value("${stancewatch.alert.public-url:http://localhost:8080}") String publicUrl) {
		this.trace = trace;
		this.transactions = transactions;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		channels.forEach((channel) -> this.channels.put(channel.type(), channel));
		this.properties = properties;
		this.schedule = new RetrySchedule(properties.retrySchedule(), properties.jitter(),
				RandomGenerator.getDefault());
		this.metrics = metrics;
		this.publicUrl = publicUrl;
	}

	@Override
	public synchronized void start() {
		this.senders = Executors.newFixedThreadPool(this.properties.concurrency(),
				new CustomizableThreadFactory("delivery-send-"));
		this.poller = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("delivery-poll-"));
		long interval = this.properties.pollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::pollUntilIdle, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.poller != null && this.senders != null) {
			this.poller.shutdown();
			this.senders.shutdown();
			try {
				this.poller.awaitTermination(this.properties.webhookTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
				this.senders.awaitTermination(this.properties.webhookTimeout().toMillis() + 5000,
						TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.poller = null;
			this.senders = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	/** Creates a test delivery and sends it now, in the caller's thread. */
	UUID sendTest(UUID subscriptionId, StanceShift sample) {
		DeliveryRepository.Claimed delivery = this.deliveries.createClaimed(subscriptionId, sample, DeliveryKind.TEST,
				this.workerId, this.properties.lease(), this.trace.current());
		this.subscriptions.find(subscriptionId)
			.map((subscription) -> send(delivery, subscription))
			.ifPresent((sent) -> settle(List.of(sent)));
		return delivery.id();
	}

	/**
	 * Looks for due deliveries now rather than at the next poll: called when a
	 * transaction that created deliveries commits. Wake-ups that come while one is
	 * pending are one wake-up.
	 */
	void wakeUp() {
		ScheduledExecutorService pool = this.poller;
		if (pool != null && this.wakeUpPending.compareAndSet(false, true)) {
			try {
				pool.execute(() -> {
					this.wakeUpPending.set(false);
					pollUntilIdle();
				});
			}
			catch (RejectedExecutionException ex) {
				this.wakeUpPending.set(false); // stopping
			}
		}
	}

	private void pollUntilIdle() {
		try {
			int claimed;
			do {
				claimed = pollOnce();
			}
			while (claimed == this.properties.batchSize() && isRunning());
		}
		catch (RuntimeException ex) {
			logger.warn("Delivery poll failed; trying again in " + this.properties.pollInterval(), ex);
		}
	}

	/**
	 * Claims a batch, sends it on the sender threads, and records every outcome in one
	 * transaction: one commit per batch rather than several per delivery.
	 */
	private int pollOnce() {
		ExecutorService pool = this.senders;
		if (pool == null) {
			return 0;
		}
		List<DeliveryRepository.Claimed> claimed = this.deliveries.claimDue(this.workerId, this.properties.batchSize(),
				this.properties.lease());
		Map<UUID, Subscription> subscriptions = new HashMap<>();
		this.subscriptions
			.findAll(claimed.stream().map(DeliveryRepository.Claimed::subscriptionId).collect(Collectors.toSet()))
			.forEach((subscription) -> subscriptions.put(subscription.id(), subscription));
		List<Future<Sent>> sends = new ArrayList<>();
		for (DeliveryRepository.Claimed delivery : claimed) {
			Subscription subscription = subscriptions.get(delivery.subscriptionId());
			if (subscription != null) { // else deleted meanwhile: its deliveries went
										// with it
				sends.add(pool.submit(() -> send(delivery, subscription)));
			}
		}
		List<Sent> sent = new ArrayList<>();
		for (Future<Sent> send : sends) {
			try {
				sent.add(send.get());
			}
			catch (ExecutionException ex) {
				logger.warn("Delivery failed unexpectedly; its lease will run out and it will be tried again",
						ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		settle(sent);
		return claimed.size();
	}

	/** In a span continuing the trace of the fold that created the delivery. */
	private Sent send(DeliveryRepository.Claimed delivery, Subscription subscription) {
		AlertChannel channel = this.channels.get(subscription.channel().type());
		return this.trace.inSpan(delivery.traceparent(), "deliver alert", (traceparent) -> {
			OutgoingAlert alert = new OutgoingAlert(delivery.id(), subscription, delivery.kind(), delivery.shift(),
					AlertContent.of(delivery.shift(), delivery.kind(), this.publicUrl), traceparent);
			Instant start = Instant.now();
			SendResult result = send(channel, alert);
			return new Sent(delivery, subscription, result, start, Duration.between(start, Instant.now()));
		});
	}

	/** Records what was sent, all in one transaction; metrics once it committed. */
	private void settle(List<Sent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.deliveries.recordAttempts(sent.stream()
				.map((one) -> new DeliveryRepository.Attempt(one.delivery().id(), one.start(), one.took(),
						one.result()))
				.toList(), this.workerId);
			List<Sent> delivered = sent.stream()
				.filter((one) -> one.result().outcome() == SendResult.Outcome.DELIVERED)
				.toList();
			this.deliveries.markDelivered(delivered.stream().map((one) -> one.delivery().id()).toList());
			this.subscriptions
				.recordSuccess(delivered.stream().map((one) -> one.subscription().id()).collect(Collectors.toSet()));
			sent.stream()
				.filter((one) -> one.result().outcome() != SendResult.Outcome.DELIVERED)
				.forEach(this::settleFailure);
		});
		for (Sent one : sent) {
			this.metrics.attempt(one.subscription().channel().type().name().toLowerCase(Locale.ROOT),
					one.result().outcome(), one.took());
			if (one.result().outcome() == SendResult.Outcome.DELIVERED) {
				this.metrics.finished(SendResult.Outcome.DELIVERED);
				if (one.delivery().kind() == DeliveryKind.ALERT) {
					this.metrics.delivered(one.subscription().channel().type().name().toLowerCase(Locale.ROOT),
							Duration.between(one.delivery().createdAt(), one.start().plus(one.took())));
				}
			}
		}
	}

	private SendResult send(@Nullable AlertChannel channel, OutgoingAlert alert) {
		if (channel == null) {
			return SendResult.failed(null, "no sender for " + alert.subscription().channel().type());
		}
		try {
			return channel.send(alert);
		}
		catch (RuntimeException ex) {
			return SendResult.failed(null, ex.toString());
		}
	}

	private void settleFailure(Sent sent) {
		DeliveryRepository.Claimed delivery = sent.delivery();
		Subscription subscription = sent.subscription();
		SendResult result = sent.result();
		String error = String.valueOf(result.error());
		switch (result.outcome()) {
			case DELIVERED -> throw new IllegalArgumentException("Not a failure: " + delivery.id());
			case GONE -> {
				this.deliveries.markFailed(delivery.id(), error);
				this.subscriptions.disable(subscription.id(), "disabled: " + error + " at " + Instant.now());
				this.metrics.finished(SendResult.Outcome.GONE);
			}
			case FAILED -> {
				if (delivery.kind() == DeliveryKind.TEST) {
					this.deliveries.markFailed(delivery.id(), error);
					this.metrics.finished(SendResult.Outcome.FAILED);
					return;
				}
				Instant now = Instant.now();
				Instant failingSince = this.subscriptions.recordFailure(subscription.id(), now);
				if (Duration.between(failingSince, now).compareTo(this.properties.disableAfter()) >= 0) {
					this.subscriptions.disable(subscription.id(), "disabled: every delivery has failed since "
							+ failingSince + " (" + this.properties.disableAfter() + "); last error: " + error);
				}
				Optional<Instant> next = this.schedule.next(delivery.retryStep() + 1, now);
				if (next.isPresent()) {
					this.deliveries.scheduleRetry(delivery.id(), next.get(), error);
				}
				else {
					this.deliveries.markFailed(delivery.id(), error);
					this.metrics.finished(SendResult.Outcome.FAILED);
				}
			}
		}
	}

	/** One send and how it went, waiting to be recorded. */
	private record Sent(DeliveryRepository.Claimed delivery, Subscription subscription, SendResult result,
			Instant start, Duration took) {
	}

}
