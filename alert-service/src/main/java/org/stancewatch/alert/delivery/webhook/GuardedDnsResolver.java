package org.stancewatch.alert.delivery.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.stancewatch.alert.subscription.BlockedAddresses;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host for a connection and refuses it when any of its addresses is blocked.
 * Checking here, at connect time, covers every hop of a redirect and names that resolve
 * differently later (DNS rebinding), which a check when the URL is saved cannot.
 */
class GuardedDnsResolver implements DnsResolver {

	private final DnsResolver delegate;

	private final Predicate<InetAddress> blocked;

	GuardedDnsResolver(DnsResolver delegate, Predicate<InetAddress> blocked) {
		this.delegate = delegate;
		this.blocked = blocked;
	}

	GuardedDnsResolver(DnsResolver delegate) {
		this(delegate, BlockedAddresses::isBlocked);
	}

	GuardedDnsResolver() {
		this(SystemDefaultDnsResolver.INSTANCE);
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.delegate.resolve(host);
		for (InetAddress address : addresses) {
			if (this.blocked.test(address)) {
				throw new BlockedAddressException(host, address);
			}
		}
		return addresses;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return Arrays.stream(resolve(host)).map((address) -> new InetSocketAddress(address, port)).toList();
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return this.delegate.resolveCanonicalHostname(host);
	}

	/** A host this server must not call. */
	static class BlockedAddressException extends UnknownHostException {

		BlockedAddressException(String host, InetAddress address) {
			super("refused to connect to " + host + ": it resolves to " + address.getHostAddress()
					+ ", a loopback, private or link-local address (stancewatch.alert.allow-private-addresses)");
		}

	}

}
