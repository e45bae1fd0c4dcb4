import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local demo's subscriber: a webhook endpoint on loopback that checks each alert's
 * Standard Webhooks signature and prints the alert as it arrives.
 *
 * <p>
 * A valid alert is answered 204 and printed; a second delivery of the same
 * {@code webhook-id} is answered 204 and noted as a duplicate; a wrong or missing
 * signature, or a timestamp more than five minutes away, is answered 401 and printed as
 * REJECTED, so a broken signer shows up here at once.
 *
 * <pre>
 *   java deploy/local/DemoReceiver.java PORT SECRET_FILE   # the file holds the whsec_... secret
 * </pre>
 */
public class DemoReceiver {

	private static final long TOLERANCE_SECONDS = 300;

	private static final Set<String> seen = ConcurrentHashMap.newKeySet();

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: java DemoReceiver.java PORT SECRET_FILE");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		String secret = Files.readString(Path.of(args[1])).strip();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/", (exchange) -> {
			try (exchange) {
				handle(exchange, secret);
			}
			catch (RuntimeException ex) {
				System.out.println("ERROR handling a request: " + ex);
			}
		});
		server.start();
		System.out.printf("Demo receiver waiting for alerts on http://127.0.0.1:%d/alerts%n%n", port);
	}

	static void handle(HttpExchange exchange, String secret) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			reply(exchange, 405);
			return;
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String id = exchange.getRequestHeaders().getFirst("webhook-id");
		String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
		String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
		String problem = verify(secret, id, timestamp, signatures, body);
		if (problem != null) {
			System.out.printf("REJECTED %s: %s%n%n", (id != null) ? id : "(no webhook-id)", problem);
			reply(exchange, 401);
			return;
		}
		if (!seen.add(id)) {
			System.out.printf("duplicate delivery of %s ignored%n%n", id);
			reply(exchange, 204);
			return;
		}
		System.out.println(describe(id, Json.parse(new String(body, StandardCharsets.UTF_8))));
		reply(exchange, 204);
	}

	/** What is wrong with the request's signature, or null when it is valid. */
	static String verify(String secret, String id, String timestamp, String signatures, byte[] body) {
		if (id == null || timestamp == null || signatures == null) {
			return "webhook-id, webhook-timestamp or webhook-signature header missing";
		}
		long sentAt;
		try {
			sentAt = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return "webhook-timestamp is not a number of seconds: " + timestamp;
		}
		if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
			return "webhook-timestamp is more than " + TOLERANCE_SECONDS + " s away from now";
		}
		byte[] expected = Base64.getDecoder().decode(sign(secret, id, timestamp, body));
		for (String candidate : signatures.split(" ")) {
			if (candidate.startsWith("v1,")) {
				try {
					if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
						return null;
					}
				}
				catch (IllegalArgumentException ex) {
					// not base64: not our signature either
				}
			}
		}
		return "no v1 signature matches the body";
	}

	static String sign(String secret, String id, String timestamp, byte[] body) {
		String key = secret.startsWith("whsec_") ? secret.substring(6) : secret;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static String describe(String id, Object payload) {
		Map<String, Object> envelope = (Map<String, Object>) payload;
		Map<String, Object> data = (Map<String, Object>) envelope.get("data");
		Map<String, Object> shift = (Map<String, Object>) data.get("shift");
		StringBuilder out = new StringBuilder();
		out.append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
			.append("  ")
			.append(envelope.get("type"))
			.append("  signature ok  webhook-id ")
			.append(id)
			.append('\n');
		out.append("  ").append(data.get("summary")).append('\n');
		out.append("  act: ")
			.append(shift.get("action"))
			.append(" (")
			.append(String.valueOf(shift.get("status")).toLowerCase())
			.append("), occurred ")
			.append(shift.get("occurredOn"))
			.append(Boolean.TRUE.equals(shift.get("late")) ? ", late news" : "")
			.append('\n');
		out.append("  evidence: \"").append(String.valueOf(shift.get("evidence")).replaceAll("\\s+", " ")).append("\"\n");
		for (Object source : (List<Object>) shift.get("sources")) {
			Map<String, Object> s = (Map<String, Object>) source;
			out.append("  source: ").append(s.get("site")).append("  ").append(s.get("url")).append('\n');
		}
		return out.toString();
	}

	static void reply(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		OutputStream ignored = exchange.getResponseBody();
		ignored.close();
	}

	/** Just enough JSON to read an alert: objects, arrays, strings, numbers, literals. */
	static final class Json {

		private final String text;

		private int at;

		private Json(String text) {
			this.text = text;
		}

		static Object parse(String text) {
			Json json = new Json(text);
			Object value = json.value();
			json.space();
			if (json.at != text.length()) {
				throw json.error("text after the value");
			}
			return value;
		}

		private Object value() {
			space();
			char c = peek();
			switch (c) {
				case '{':
					return object();
				case '[':
					return array();
				case '"':
					return string();
				default:
					return literal();
			}
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.at++;
			space();
			if (peek() == '}') {
				this.at++;
				return map;
			}
			do {
				space();
				String key = string();
				space();
				expect(':');
				map.put(key, value());
				space();
			}
			while (next() == ',');
			this.at--;
			expect('}');
			return map;
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			this.at++;
			space();
			if (peek() == ']') {
				this.at++;
				return list;
			}
			do {
				list.add(value());
				space();
			}
			while (next() == ',');
			this.at--;
			expect(']');
			return list;
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = next();
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
						this.at += 4;
					}
					default -> out.append(e);
				}
			}
		}

		private Object literal() {
			int start = this.at;
			while (this.at < this.text.length() && "{}[],: \t\r\n".indexOf(this.text.charAt(this.at)) < 0) {
				this.at++;
			}
			String word = this.text.substring(start, this.at);
			switch (word) {
				case "true":
					return Boolean.TRUE;
				case "false":
					return Boolean.FALSE;
				case "null":
					return null;
				default:
					try {
						return Double.valueOf(word);
					}
					catch (NumberFormatException ex) {
						throw error("not a JSON value: '" + word + "'");
					}
			}
		}

		private void space() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		private char peek() {
			if (this.at >= this.text.length()) {
				throw error("unexpected end");
			}
			return this.text.charAt(this.at);
		}

		private char next() {
			char c = peek();
			this.at++;
			return c;
		}

		private void expect(char c) {
			if (next() != c) {
				throw error("expected '" + c + "'");
			}
		}

		private IllegalArgumentException error(String message) {
			return new IllegalArgumentException("JSON at " + this.at + ": " + message);
		}

	}

}
