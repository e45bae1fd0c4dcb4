package org.stancewatch.alert.delivery;

import java.util.List;
import java.util.UUID;

import org.stancewatch.kafka.RecordTraces;
import org.stancewatch.alert.subscription.Subscription;
import org.stancewatch.alert.subscription.SubscriptionRepository;
import org.stancewatch.contracts.StanceShift;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a shift into one delivery per matching subscription. Synchronous on purpose: it
 * runs inside the transaction that records the shift, so the shift and its deliveries
 * commit together or not at all. Publishing the same shift twice creates nothing new.
 */
@Component
class ShiftListener {

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final DeliveryMetrics metrics;

	private final DeliveryWorker worker;

	private final RecordTraces trace;

	ShiftListener(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryMetrics metrics,
			DeliveryWorker worker, RecordTraces trace) {
		this.trace = trace;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.metrics = metrics;
		this.worker = worker;
	}

	@EventListener
	void on(StanceShift shift) {
		List<UUID> matching = this.subscriptions.activeForTarget(shift.target())
			.stream()
			.filter((subscription) -> subscription.filter().matches(shift))
			.map(Subscription::id)
			.toList();
		if (!matching.isEmpty()) {
			// Runs in the span of the fold, which continues the article's trace.
			int created = this.deliveries.create(matching, shift, DeliveryKind.ALERT, this.trace.current());
			this.metrics.created(created);
			if (created > 0) {
				wakeUpWorkerAfterCommit();
			}
		}
	}

	/**
	 * The rows are invisible to the worker until the transaction commits, so it is woken
	 * then, not now; other instances find them at their next poll.
	 */
	private void wakeUpWorkerAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.worker.wakeUp();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				ShiftListener.this.worker.wakeUp();
			}

		});
	}

}
