package org.stancewatch.alert.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GuardedDnsResolverTests {

	@Test
	void shouldRefuseANameThatResolvesToAPrivateAddressAmongPublicOnes() {
		GuardedDnsResolver resolver = new GuardedDnsResolver(fixed("hooks.example.test", "93.184.216.34", "10.1.2.3"));

		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> resolver.resolve("hooks.example.test", 443))
			.withMessageContaining("10.1.2.3");
	}

	@Test
	void shouldRefuseTheCloudMetadataAddress() {
		GuardedDnsResolver resolver = new GuardedDnsResolver(fixed("metadata.example.test", "169.254.169.254"));

		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> resolver.resolve("metadata.example.test"));
	}

	@Test
	void shouldPassPublicAddressesThrough() throws UnknownHostException {
		GuardedDnsResolver resolver = new GuardedDnsResolver(fixed("hooks.example.test", "93.184.216.34"));

		assertThat(resolver.resolve("hooks.example.test", 8443)).singleElement()
			.satisfies((address) -> assertThat(address.getPort()).isEqualTo(8443));
	}

	/**
	 * A resolver that answers one name from a table, as a DNS server under test would.
	 */
	private static org.apache.hc.client5.http.DnsResolver fixed(String name, String... addresses) {
		return new org.apache.hc.client5.http.DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				if (!host.equals(name)) {
					throw new UnknownHostException(host);
				}
				InetAddress[] resolved = new InetAddress[addresses.length];
				for (int i = 0; i < addresses.length; i++) {
					resolved[i] = InetAddress.getByName(addresses[i]);
				}
				return resolved;
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
	}

}
