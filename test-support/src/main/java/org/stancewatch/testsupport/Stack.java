package org.stancewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stancewatch.testsupport.TestInfrastructure.Database;

/**
 * The whole of stancewatch as an operator runs it: a Kafka broker process, a PostgreSQL
 * server with the ingest and alert databases, and the three service jars as OS processes,
 * configured only by the environment variables of the README's configuration table. The
 * broker, the database and each service can be stopped, killed and restarted on the same
 * data and ports. Logs go to the work directory.
 */
public final class Stack implements AutoCloseable {

	/** The three services and their jars. */
	public enum Service {

		INGEST("ingest-service"), EXTRACT("extract-service"), ALERT("alert-service");

		private final String module;

		Service(String module) {
			this.module = module;
		}

		/**
		 * The executable jar the build leaves at {@code <module>/target/<module>.jar}.
		 */
		public Path jar(Path repositoryRoot) {
			return repositoryRoot.resolve(this.module).resolve("target").resolve(this.module + ".jar");
		}

	}

	/** Operator key of the alert service's admin API in every stack. */
	public static final String ADMIN_KEY = "stack-admin-key-for-tests";

	private final Path work;

	private final KafkaBrokerProcess broker;

	private final PostgresProcess postgres;

	private final Database ingestDatabase;

	private final Database alertDatabase;

	private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

	/**
	 * Stops everything when the JVM exits before {@link #close()}: a run cut short
	 * (Ctrl-C on a benchmark, a test's fork killed at its timeout) left a broker, a
	 * database and three services running.
	 */
	private final Thread stopAtExit = new Thread(this::stopAll, "stack-stop-at-exit");

	private Stack(Path work, KafkaBrokerProcess broker, PostgresProcess postgres) {
		this.work = work;
		this.broker = broker;
		this.postgres = postgres;
		this.ingestDatabase = postgres.createDatabase("stancewatch_ingest");
		this.alertDatabase = postgres.createDatabase("stancewatch_alert");
	}

	/**
	 * Starts the broker and the database in {@code work}, then the services in order
	 * (ingest, extract, alert), each ready before the next starts.
	 * @param repositoryRoot where the jars are (see {@link #repositoryRoot()})
	 * @param work an empty directory for data and logs
	 * @param extraEnvironment settings added to (or replacing) each service's defaults
	 */
	public static Stack start(Path repositoryRoot, Path work, Map<Service, Map<String, String>> extraEnvironment) {
		for (Service service : Service.values()) {
			if (!Files.isRegularFile(service.jar(repositoryRoot))) {
				throw new IllegalStateException("No " + service.jar(repositoryRoot) + ": build it first (./mvnw -B -pl "
						+ service.module + " -am package -DskipTests)");
			}
		}
		KafkaBrokerProcess broker = new KafkaBrokerProcess().start();
		PostgresProcess postgres = new PostgresProcess(work.resolve("postgres")).start();
		Stack stack = new Stack(work, broker, postgres);
		Runtime.getRuntime().addShutdownHook(stack.stopAtExit);
		try {
			for (Service service : Service.values()) {
				Map<String, String> environment = new HashMap<>(stack.defaultEnvironment(service));
				environment.putAll(extraEnvironment.getOrDefault(service, Map.of()));
				stack.services.put(service,
						ServiceProcess.start(service.jar(repositoryRoot), List.of("-Xmx384m", "-XX:+UseSerialGC"),
								environment, ServiceProcess.freePort(), stack.log(service)));
			}
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
		return stack;
	}

	/**
	 * The directory holding {@code mvnw}, found from the working directory upwards: the
	 * repository root whether run from a module (failsafe) or from the root.
	 */
	public static Path repositoryRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("contracts"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
	}

	/** A fresh temporary work directory. */
	public static Path newWorkDirectory() {
		try {
			return Files.createTempDirectory("stancewatch-stack-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The settings each service gets before extras: addresses of the broker and its
	 * database, loopback allowed for feeds and webhooks, the admin key.
	 */
	public Map<String, String> defaultEnvironment(Service service) {
		Map<String, String> environment = new HashMap<>();
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.broker.bootstrapServers());
		switch (service) {
			case INGEST -> {
				putDatabase(environment, this.ingestDatabase);
				environment.put("STANCEWATCH_INGEST_FETCH_ALLOWPRIVATEADDRESSES", "true");
			}
			case EXTRACT -> environment.put("EXTRACT_INSTANCE_ID", "extract-stack");
			case ALERT -> {
				putDatabase(environment, this.alertDatabase);
				environment.put("ALERT_ADMIN_KEY", ADMIN_KEY);
				environment.put("STANCEWATCH_ALERT_ALLOWPRIVATEADDRESSES", "true");
			}
		}
		return environment;
	}

	private static void putDatabase(Map<String, String> environment, Database database) {
		environment.put("DATABASE_URL", database.url());
		environment.put("DATABASE_USER", database.username());
		environment.put("DATABASE_PASSWORD", database.password());
	}

	public KafkaBrokerProcess broker() {
		return this.broker;
	}

	public PostgresProcess postgres() {
		return this.postgres;
	}

	public Database ingestDatabase() {
		return this.ingestDatabase;
	}

	public Database alertDatabase() {
		return this.alertDatabase;
	}

	public ServiceProcess service(Service service) {
		return this.services.get(service);
	}

	public ServiceProcess ingest() {
		return service(Service.INGEST);
	}

	public ServiceProcess extract() {
		return service(Service.EXTRACT);
	}

	public ServiceProcess alert() {
		return service(Service.ALERT);
	}

	/** The log of a service, appended to by each of its runs. */
	public Path log(Service service) {
		return this.work.resolve(service.module + ".log");
	}

	/** Where the data and each process's log are. */
	public Path work() {
		return this.work;
	}

	/** Stops the services politely, then the broker and the database. */
	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopAtExit);
		}
		catch (IllegalStateException ex) {
			// The JVM is exiting: the hook stops everything.
		}
		stopAll();
	}

	private void stopAll() {
		this.services.values().forEach(ServiceProcess::close);
		this.broker.close();
		this.postgres.close();
	}

}
