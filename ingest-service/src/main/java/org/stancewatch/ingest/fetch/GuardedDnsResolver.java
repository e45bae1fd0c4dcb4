package org.stancewatch.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves names through a delegate and refuses the connection when any address is not
 * allowed. The HTTP client asks this resolver right before each connect, for the first
 * URL and every redirect, so the check sees the addresses actually used (no gap for DNS
 * rebinding between a check and the connect).
 */
final class GuardedDnsResolver implements DnsResolver {

	private final DnsResolver delegate;

	private final AddressGuard guard;

	GuardedDnsResolver(DnsResolver delegate, AddressGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.delegate.resolve(host);
		// Any refused address refuses the host: a name with one public and one private
		// record must not reach the private one on a retry.
		for (InetAddress address : addresses) {
			this.guard.check(host, address);
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return this.delegate.resolveCanonicalHostname(host);
	}

}
