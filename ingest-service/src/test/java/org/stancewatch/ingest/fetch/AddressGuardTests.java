package org.stancewatch.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
			"169.254.169.254", "169.254.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.251",
			"255.255.255.255", "::", "::1", "fc00::1", "fd00:ec2::254", "fe80::1", "fec0::1", "ff02::1",
			"64:ff9b::a00:1", "2002:c0a8:101::1", "::127.0.0.1" })
	void shouldRefuseAddressesThatAreNotPublicUnicast(String literal) throws UnknownHostException {
		assertThat(AddressGuard.whyRefused(InetAddress.getByName(literal))).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.215.14", "172.15.255.255", "172.32.0.1", "100.63.255.255",
			"100.128.0.1", "169.253.1.1", "192.169.0.1", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e",
			"64:ff9b::808:808", "2002:808:808::1" })
	void shouldAllowPublicUnicastAddresses(String literal) throws UnknownHostException {
		assertThat(AddressGuard.whyRefused(InetAddress.getByName(literal))).isNull();
	}

	@Test
	void shouldRefuseIpv4MappedFormsEvenWhenKeptAsIpv6() throws UnknownHostException {
		// InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; an
		// Inet6Address can still carry that form, so the guard reads the IPv4 inside it.
		byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
				(byte) 254 };
		InetAddress address = Inet6Address.getByAddress(null, mapped, null);

		assertThat(address).isInstanceOf(Inet6Address.class);
		assertThat(AddressGuard.whyRefused(address)).contains("link-local").contains("IPv4 inside an IPv6 address");
	}

	@Test
	void shouldNameHostAddressAndReasonWhenRefusing() {
		assertThatExceptionOfType(AddressGuard.RefusedAddressException.class)
			.isThrownBy(() -> AddressGuard.publicOnly().check("intranet.example", InetAddress.getByName("10.9.8.7")))
			.withMessage("refused to connect to intranet.example: it resolves to 10.9.8.7, "
					+ "a private address (10/8, 172.16/12, 192.168/16)");
	}

	@Test
	void shouldAllowEverythingWhenPrivateAddressesAreAllowed() throws Exception {
		AddressGuard.allowingAll().check("localhost", InetAddress.getByName("127.0.0.1"));
		AddressGuard.publicOnly().check("dns.google", InetAddress.getByName("8.8.8.8"));
	}

}
