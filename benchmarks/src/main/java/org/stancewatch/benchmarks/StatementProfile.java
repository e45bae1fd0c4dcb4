package org.stancewatch.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.stancewatch.testsupport.PostgresProcess;
import org.stancewatch.testsupport.TestInfrastructure.Database;

/**
 * PostgreSQL's own account of where its time goes ({@code pg_stat_statements}): which
 * statements of which service cost most per article.
 */
final class StatementProfile {

	private StatementProfile() {
	}

	/**
	 * Restarts the server with the extension loaded; the services reconnect by
	 * themselves.
	 */
	static void enable(PostgresProcess postgres, List<Database> databases) throws SQLException {
		execute(databases.get(0), "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
		execute(databases.get(0), "ALTER SYSTEM SET track_io_timing = on");
		postgres.stop();
		postgres.start();
		for (Database database : databases) {
			execute(database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		reset(databases.get(0));
	}

	/** Forgets what was counted so far, in every database of the server. */
	static void reset(Database database) throws SQLException {
		execute(database, "SELECT pg_stat_statements_reset()");
	}

	/** The statements that took most time, per unit of work. */
	static void print(Database database, long units) throws SQLException {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"""
								SELECT d.datname, s.calls, s.total_exec_time, s.rows, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
								FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
								ORDER BY s.total_exec_time DESC LIMIT 25""")) {
			System.out.println("PostgreSQL statements by execution time, per article:");
			while (rs.next()) {
				System.out.printf(Locale.ROOT, "  %6.3f ms %5.2f calls  %-18s %s%n",
						rs.getDouble("total_exec_time") / units, rs.getDouble("calls") / units, rs.getString("datname"),
						rs.getString("query"));
			}
		}
	}

	private static void execute(Database database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(Database database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
