package org.stancewatch.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stancewatch.testsupport.ServiceProcess;
import org.stancewatch.testsupport.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/docker/healthcheck.sh, the containers' HEALTHCHECK, run with bash against a real
 * HTTP server answering as the readiness probe does.
 */
class ComposeHealthcheckTests {

	private static final Path SCRIPT = Stack.repositoryRoot().resolve("deploy/docker/healthcheck.sh");

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void healthyWhenTheReadinessProbeSaysUp() throws Exception {
		int port = serve(200, "{\"status\":\"UP\"}");
		assertThat(runCheck(port)).isZero();
	}

	@Test
	void unhealthyWhenTheReadinessProbeSaysOutOfService() throws Exception {
		int port = serve(503, "{\"status\":\"OUT_OF_SERVICE\"}");
		assertThat(runCheck(port)).isEqualTo(1);
	}

	@Test
	void unhealthyWhenUpIsNotInABody() throws Exception {
		int port = serve(200, "{\"status\":\"DOWN\"}");
		assertThat(runCheck(port)).isEqualTo(1);
	}

	@Test
	void unhealthyWhenNothingListens() throws Exception {
		assertThat(runCheck(ServiceProcess.freePort())).isNotZero();
	}

	private int serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

	private static int runCheck(int port) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("PORT", Integer.toString(port));
		Process process = builder.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("healthcheck finished").isTrue();
		return process.exitValue();
	}

}
