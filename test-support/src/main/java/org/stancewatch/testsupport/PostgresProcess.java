package org.stancewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.stancewatch.testsupport.TestInfrastructure.Database;

import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server (zonky's embedded binaries) whose data directory and port stay
 * the same across {@link #stop()} and {@link #start()}, so that services connected to it
 * see the database go away and come back with everything committed before.
 */
public final class PostgresProcess implements AutoCloseable {

	private static final String SUPERUSER = "postgres";

	private final Path dataDirectory;

	private final int port;

	private @Nullable EmbeddedPostgres server;

	/**
	 * A server that keeps its data in {@code dataDirectory} (created on first start) and
	 * listens on a port chosen now.
	 */
	public PostgresProcess(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		this.port = ServiceProcess.freePort();
	}

	/** Starts the server, initialising the data directory on first use. */
	public synchronized PostgresProcess start() {
		if (this.server == null) {
			try {
				this.server = EmbeddedPostgres.builder()
					.setDataDirectory(this.dataDirectory)
					.setCleanDataDirectory(false)
					.setPort(this.port)
					.setServerConfig("max_connections", "200")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start PostgreSQL in " + this.dataDirectory, ex);
			}
		}
		return this;
	}

	/**
	 * Stops the server ({@code pg_ctl stop -m fast}: open connections are cut), keeping
	 * its data.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server = null;
		}
	}

	public int port() {
		return this.port;
	}

	/** Creates an empty database owned by the superuser and says how to reach it. */
	public Database createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return database(name);
	}

	/** How to reach an existing database as the superuser. */
	public Database database(String name) {
		return new Database(url(name), SUPERUSER, "");
	}

	private String url(String name) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + name;
	}

	/**
	 * Stops the server and deletes its data directory (about 150 MB after a pipeline
	 * benchmark; every run left one in the temporary folder).
	 */
	@Override
	public void close() {
		stop();
		try {
			FileSystemUtils.deleteRecursively(this.dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
