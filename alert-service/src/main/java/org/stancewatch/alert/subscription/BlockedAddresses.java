package org.stancewatch.alert.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a webhook must not reach unless an operator allows it: loopback, private,
 * link-local (which holds the cloud metadata endpoint 169.254.169.254), carrier-grade NAT
 * (Alibaba's metadata sits there), unique-local IPv6 (AWS's fd00:ec2::254), unspecified,
 * multicast and reserved ranges, and IPv6 forms that embed such an IPv4 address.
 */
public final class BlockedAddresses {

	private BlockedAddresses() {
	}

	public static boolean isBlocked(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isBlockedIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return isBlockedIpv6(bytes);
		}
		return true;
	}

	/**
	 * This network, private, loopback, carrier-grade NAT, link-local, IETF protocol
	 * assignments, benchmarking, multicast and reserved.
	 */
	private static boolean isBlockedIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		boolean privateOrLocal = first == 0 || first == 10 || first == 127 || (first == 169 && second == 254)
				|| (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168);
		boolean special = (first == 100 && second >= 64 && second <= 127)
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0)
				|| (first == 198 && (second == 18 || second == 19)) || first >= 224;
		return privateOrLocal || special;
	}

	private static boolean isBlockedIpv6(byte[] b) {
		int first = b[0] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			// unique local fc00::/7
			return true;
		}
		// IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d)
		if (isZero(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || isZero(b, 10, 12))) {
			return isBlockedIpv4(Arrays.copyOfRange(b, 12, 16));
		}
		// 6to4 (2002::/16) embeds an IPv4 address
		if (first == 0x20 && (b[1] & 0xff) == 0x02) {
			return isBlockedIpv4(Arrays.copyOfRange(b, 2, 6));
		}
		// NAT64 (64:ff9b::/96)
		if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return isBlockedIpv4(Arrays.copyOfRange(b, 12, 16));
		}
		return false;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Checks a host written as an IP literal without asking DNS; names are checked when
	 * they are resolved.
	 * @return true if the host is an IP literal of a blocked address
	 */
	static boolean isBlockedLiteral(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if ("localhost".equalsIgnoreCase(bare) || bare.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
			return true;
		}
		if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
			return false;
		}
		try {
			return isBlocked(InetAddress.getByName(bare));
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

}
