package org.stancewatch.ingest.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decides which resolved addresses a fetch may connect to. Everything that is not a
 * public unicast address is refused: a feed URL must never reach the machine itself, the
 * internal network or a cloud metadata service.
 */
final class AddressGuard {

	private final boolean allowAll;

	private final Set<InetAddress> treatedAsPublic;

	private AddressGuard(boolean allowAll, Set<InetAddress> treatedAsPublic) {
		this.allowAll = allowAll;
		this.treatedAsPublic = Set.copyOf(treatedAsPublic);
	}

	static AddressGuard publicOnly() {
		return new AddressGuard(false, Set.of());
	}

	static AddressGuard allowingAll() {
		return new AddressGuard(true, Set.of());
	}

	/**
	 * Public addresses plus the given ones. Tests use it to let a local server stand in
	 * for a public host while every other private address stays refused.
	 */
	static AddressGuard publicOnlyPlus(Set<InetAddress> treatedAsPublic) {
		return new AddressGuard(false, treatedAsPublic);
	}

	/** Throws when {@code host}, resolved to {@code address}, may not be contacted. */
	void check(String host, InetAddress address) throws RefusedAddressException {
		if (this.allowAll || this.treatedAsPublic.contains(address)) {
			return;
		}
		String why = whyRefused(address);
		if (why != null) {
			throw new RefusedAddressException(
					"refused to connect to " + host + ": it resolves to " + address.getHostAddress() + ", " + why);
		}
	}

	/** Why the address is not a public unicast address, or {@code null} when it is. */
	static @Nullable String whyRefused(InetAddress address) {
		if (address instanceof Inet4Address v4) {
			return whyRefusedV4(v4.getAddress());
		}
		byte[] b = address.getAddress();
		byte[] embedded = embeddedIpv4(b);
		if (embedded != null) {
			String why = whyRefusedV4(embedded);
			return (why != null) ? why + " (IPv4 inside an IPv6 address)" : null;
		}
		if (address.isAnyLocalAddress()) {
			return "the unspecified address";
		}
		if (address.isLoopbackAddress()) {
			return "a loopback address";
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return "a unique local (private) IPv6 address, fc00::/7, which includes cloud metadata fd00:ec2::254";
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
			return "a link-local IPv6 address, fe80::/10";
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return "a site-local IPv6 address, fec0::/10";
		}
		if ((b[0] & 0xff) == 0xff) {
			return "a multicast address";
		}
		return null;
	}

	private static @Nullable String whyRefusedV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		if (a0 == 0) {
			return "the unspecified network 0.0.0.0/8";
		}
		if (a0 == 127) {
			return "a loopback address, 127.0.0.0/8";
		}
		if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
			return "a private address (10/8, 172.16/12, 192.168/16)";
		}
		if (a0 == 169 && a1 == 254) {
			return "a link-local address, 169.254/16, which includes cloud metadata 169.254.169.254";
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return "a carrier-grade NAT address, 100.64/10";
		}
		if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
			return "an IETF protocol assignment, 192.0.0.0/24";
		}
		if (a0 >= 224 && a0 <= 239) {
			return "a multicast address, 224/4";
		}
		if (a0 >= 240) {
			return "a reserved or broadcast address, 240/4";
		}
		return null;
	}

	/**
	 * The IPv4 address carried by an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
	 * (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::) IPv6 address.
	 */
	private static byte @Nullable [] embeddedIpv4(byte[] b) {
		if (b.length != 16) {
			return null;
		}
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= b[i] == 0;
		}
		boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !isZeroOrOne(b);
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
				&& (b[3] & 0xff) == 0x9b;
		if (mapped || compatible || nat64) {
			return new byte[] { b[12], b[13], b[14], b[15] };
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return new byte[] { b[2], b[3], b[4], b[5] };
		}
		return null;
	}

	/** :: and ::1 are not IPv4-compatible addresses. */
	private static boolean isZeroOrOne(byte[] b) {
		for (int i = 0; i < 15; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return b[15] == 0 || b[15] == 1;
	}

	/**
	 * A host refused by the guard; a kind of UnknownHostException so clients pass it on.
	 */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
