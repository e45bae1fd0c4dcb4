package org.stancewatch.ingest.article;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One spelling per article URL, so that the same story reached through a feed, a share
 * link or a newsletter gets the same id: lower-case scheme and host, no default port, no
 * fragment, no dot segments, tracking parameters removed and the remaining parameters
 * sorted.
 */
public final class UrlCanonicalizer {

	/** Parameters that only say how a reader arrived. Prefixes end with '_'. */
	private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
			"yclid", "twclid", "igshid", "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp",
			"ocid", "icid", "ito", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "spm", "s_cid", "ns_mchannel",
			"ns_source", "ns_campaign", "ns_linkname", "ns_fee", "xtor", "guccounter", "smid");

	private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "at_");

	private UrlCanonicalizer() {
	}

	/**
	 * The canonical form of an absolute http(s) URL.
	 * @throws IllegalArgumentException when the URL is not an absolute http or https URL
	 */
	public static String canonicalize(String url) {
		URI uri = parse(url);
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		String host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String query = cleanQuery(uri.getRawQuery());
		StringBuilder canonical = new StringBuilder(scheme).append("://");
		if (uri.getRawUserInfo() != null) {
			canonical.append(uri.getRawUserInfo()).append('@');
		}
		canonical.append(host.contains(":") ? "[" + host + "]" : host);
		if (!defaultPort) {
			canonical.append(':').append(port);
		}
		canonical.append(path);
		if (!query.isEmpty()) {
			canonical.append('?').append(query);
		}
		return canonical.toString();
	}

	/** The site host of a URL: lower case, without a leading "www.". */
	public static String sourceHost(String url) {
		String host = parse(url).getHost().toLowerCase(Locale.ROOT);
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url.strip().replace(" ", "%20")).normalize();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a valid URL: '" + url + "' (" + ex.getReason() + ")", ex);
		}
		if (uri.getHost() == null && uri.getRawAuthority() != null) {
			uri = withAsciiHost(uri, url);
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| uri.getHost() == null) {
			throw new IllegalArgumentException("not an absolute http(s) URL: '" + url + "'");
		}
		return uri;
	}

	/**
	 * java.net.URI leaves the host of an internationalised name undefined: punycode it.
	 */
	private static URI withAsciiHost(URI uri, String url) {
		String authority = uri.getRawAuthority();
		int at = authority.lastIndexOf('@');
		String userInfo = (at >= 0) ? authority.substring(0, at + 1) : "";
		String hostAndPort = authority.substring(at + 1);
		int colon = hostAndPort.lastIndexOf(':');
		String host = (colon >= 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		String port = (colon >= 0) ? hostAndPort.substring(colon) : "";
		try {
			String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
			return new URI(uri.getScheme() + "://" + userInfo + ascii + port + Objects.toString(uri.getRawPath(), "")
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a valid URL: '" + url + "'", ex);
		}
	}

	private static String cleanQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : rawQuery.split("&")) {
			if (!parameter.isEmpty() && !isTracking(parameter)) {
				kept.add(parameter);
			}
		}
		kept.sort(null);
		return String.join("&", kept);
	}

	private static boolean isTracking(String parameter) {
		int equals = parameter.indexOf('=');
		String rawName = (equals >= 0) ? parameter.substring(0, equals) : parameter;
		String name;
		try {
			name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return TRACKING.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
	}

}
