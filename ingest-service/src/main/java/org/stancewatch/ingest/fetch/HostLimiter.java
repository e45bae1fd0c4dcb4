package org.stancewatch.ingest.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Politeness: at most one request at a time per host, whatever the number of poller
 * threads. Keyed by the host of the URL asked for (a redirect to another host is not
 * limited separately).
 */
public final class HostLimiter {

	private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();

	/**
	 * Runs {@code work} while holding the host's permit, waiting for it if another thread
	 * holds it.
	 * @throws InterruptedException when interrupted while waiting (the work did not run)
	 */
	public <T> T callExclusively(URI url, Supplier<T> work) throws InterruptedException {
		Semaphore permit = this.permits.computeIfAbsent(hostOf(url), (host) -> new Semaphore(1, true));
		permit.acquire();
		try {
			return work.get();
		}
		finally {
			permit.release();
		}
	}

	/** Whether a request to the host is running now. */
	boolean busy(String host) {
		Semaphore permit = this.permits.get(host.toLowerCase(Locale.ROOT));
		return permit != null && permit.availablePermits() == 0;
	}

	static String hostOf(URI url) {
		String host = url.getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) : String.valueOf(url.getAuthority());
	}

}
