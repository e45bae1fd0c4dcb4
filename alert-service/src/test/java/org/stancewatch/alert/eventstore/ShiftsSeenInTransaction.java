package org.stancewatch.alert.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.stancewatch.contracts.StanceShift;

/**
 * Stands in for the delivery module at the seam: a synchronous listener that records each
 * shift and whether it ran inside the event store's transaction.
 */
class ShiftsSeenInTransaction {

	final List<StanceShift> shifts = new CopyOnWriteArrayList<>();

	final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

	@EventListener
	void on(StanceShift shift) {
		this.shifts.add(shift);
		this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
	}

}
