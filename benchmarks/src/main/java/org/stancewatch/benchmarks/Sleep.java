package org.stancewatch.benchmarks;

import java.util.concurrent.locks.LockSupport;

final class Sleep {

	private Sleep() {
	}

	static void millis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Parks until {@link System#nanoTime()} reaches {@code deadline}. A pacing loop that
	 * spins instead takes a whole core from the two the measured processes share.
	 */
	static void until(long deadline) {
		for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

}
