package org.stancewatch.alert.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.254",
			"192.168.1.1", "169.254.169.254", "100.100.100.200", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
			"fd00:ec2::254", "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "2002:7f00:1::",
			"64:ff9b::a9fe:a9fe" })
	void shouldBlock(String address) throws UnknownHostException {
		assertThat(BlockedAddresses.isBlocked(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"::ffff:93.184.216.34", "2002:5db8:d822::" })
	void shouldAllowPublicAddresses(String address) throws UnknownHostException {
		assertThat(BlockedAddresses.isBlocked(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "api.localhost", "127.0.0.1", "[::1]", "[::ffff:10.0.0.1]" })
	void shouldRefuseLiteralPrivateHostsWithoutAskingDns(String host) {
		assertThat(BlockedAddresses.isBlockedLiteral(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "hooks.example.com", "93.184.216.34", "[2606:4700:4700::1111]" })
	void shouldLeaveNamesAndPublicLiteralsToTheConnectTimeCheck(String host) {
		assertThat(BlockedAddresses.isBlockedLiteral(host)).isFalse();
	}

}
