package org.stancewatch.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.stancewatch.alert.subscription.ChannelType;
import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.alert.subscription.SubscriptionRepository;
import org.stancewatch.contracts.StanceShift;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

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

	private final String workerId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

	private @Nullable ScheduledExecutorService poller;

	private @Nullable ExecutorService senders;

	DeliveryWorker(DeliveryRepository deliveries, SubscriptionRepository subscriptions, List<AlertChannel> channels,
			DeliveryProperties properties, DeliveryMetrics metrics,
			@Value("${stancewatch.alert.public-url:http://localhost:8080}") String publicUrl) {
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
				this.workerId, this.properties.lease());
		process(delivery);
		return delivery.id();
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

	private int pollOnce() {
		ExecutorService pool = this.senders;
		if (pool == null) {
			return 0;
		}
		List<DeliveryRepository.Claimed> claimed = this.deliveries.claimDue(this.workerId, this.properties.batchSize(),
				this.properties.lease());
		List<Future<?>> sends = claimed.stream()
			.<Future<?>>map((delivery) -> pool.submit(() -> process(delivery)))
			.toList();
		for (Future<?> send : sends) {
			try {
				send.get();
			}
			catch (ExecutionException ex) {
				logger.warn("Delivery failed unexpectedly; its lease will run out and it will be tried again",
						ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return 0;
			}
		}
		return claimed.size();
	}

	private void process(DeliveryRepository.Claimed delivery) {
		Optional<Subscription> found = this.subscriptions.find(delivery.subscriptionId());
		if (found.isEmpty()) {
			return; // deleted meanwhile; its deliveries went with it
		}
		Subscription subscription = found.get();
		AlertChannel channel = this.channels.get(subscription.channel().type());
		OutgoingAlert alert = new OutgoingAlert(delivery.id(), subscription, delivery.kind(), delivery.shift(),
				AlertContent.of(delivery.shift(), delivery.kind(), this.publicUrl));
		Instant start = Instant.now();
		SendResult result = send(channel, alert);
		Duration took = Duration.between(start, Instant.now());
		this.deliveries.recordAttempt(delivery.id(), start, took, result, this.workerId);
		this.metrics.attempt(subscription.channel().type().name().toLowerCase(java.util.Locale.ROOT), result.outcome(),
				took);
		settle(delivery, subscription, result);
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

	private void settle(DeliveryRepository.Claimed delivery, Subscription subscription, SendResult result) {
		String error = String.valueOf(result.error());
		switch (result.outcome()) {
			case DELIVERED -> {
				this.deliveries.markDelivered(delivery.id());
				this.subscriptions.recordSuccess(subscription.id());
				this.metrics.finished(SendResult.Outcome.DELIVERED);
			}
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

}
