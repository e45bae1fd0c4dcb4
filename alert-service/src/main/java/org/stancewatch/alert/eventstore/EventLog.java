package org.stancewatch.alert.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.stancewatch.alert.stance.Observation;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.RelationChange;

/**
 * The append-only log of relation changes per dyad, with the idempotence gate and the
 * locks that keep one writer per dyad.
 */
@Repository
class EventLog {

	/** Held shared by every writer and exclusively by a rebuild. */
	private static final long REBUILD_LOCK = 0x5741_5443_4801L;

	/** First half of the two-key advisory lock of a dyad. */
	private static final int DYAD_LOCK_SPACE = 0x5357;

	private final JdbcTemplate jdbc;

	EventLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises writers of these dyads until the transaction ends, and keeps a rebuild
	 * out meanwhile. The locks are taken in one order (by key), so that two batches
	 * sharing dyads queue rather than deadlock.
	 */
	void lockForWriting(Collection<Dyad> dyads) {
		this.jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", (rs) -> null, REBUILD_LOCK);
		String[] names = dyads.stream().map(Dyad::toString).toArray(String[]::new);
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, key) FROM "
					+ "(SELECT DISTINCT hashtext(name) AS key FROM unnest(?::text[]) AS name ORDER BY key) AS keys");
			statement.setInt(1, DYAD_LOCK_SPACE);
			statement.setArray(2, connection.createArrayOf("text", names));
			return statement;
		}, (rs) -> null);
	}

	/** Waits for running writers, then keeps new ones out until the transaction ends. */
	void lockForRebuild() {
		this.jdbc.query("SELECT pg_advisory_xact_lock(?)", (rs) -> null, REBUILD_LOCK);
	}

	/**
	 * The dedupe gate for a batch of distinct event ids.
	 * @return the ids seen for the first time
	 */
	Set<String> markProcessed(Collection<String> eventIds, Instant now) {
		Set<String> fresh = new HashSet<>();
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"INSERT INTO processed_event (event_id, processed_at) SELECT id, ? FROM unnest(?::text[]) AS id "
							+ "ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
			return statement;
		}, (RowCallbackHandler) (rs) -> fresh.add(rs.getString(1)));
		return fresh;
	}

	/**
	 * What each dyad's log holds after the sequence already known; the log is
	 * append-only, so what is known stays true.
	 */
	Map<Dyad, List<Observation>> loadAfter(Map<Dyad, Integer> known) {
		Map<Dyad, List<Observation>> logs = new HashMap<>();
		List<Dyad> dyads = List.copyOf(known.keySet());
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("SELECT e.dyad, e.sequence, e.payload, e.received_at FROM relation_change_event e "
						+ "JOIN unnest(?::text[], ?::int[]) AS k(dyad, known) ON e.dyad = k.dyad "
						+ "WHERE e.sequence > k.known ORDER BY e.dyad, e.sequence");
			statement.setArray(1, connection.createArrayOf("text", dyads.stream().map(Dyad::toString).toArray()));
			statement.setArray(2, connection.createArrayOf("integer", dyads.stream().map(known::get).toArray()));
			return statement;
		}, (RowCallbackHandler) (rs) -> logs
			.computeIfAbsent(Dyad.parse(rs.getString("dyad")), (dyad) -> new ArrayList<>())
			.add(observation(rs)));
		return logs;
	}

	List<Observation> load(Dyad dyad) {
		return this.jdbc.query(
				"SELECT sequence, payload, received_at FROM relation_change_event WHERE dyad = ? ORDER BY sequence",
				(rs, row) -> observation(rs), dyad.toString());
	}

	private static Observation observation(ResultSet rs) throws SQLException {
		return new Observation(rs.getInt("sequence"), EventJson.read(rs.getString("payload"), RelationChange.class),
				rs.getTimestamp("received_at").toInstant());
	}

	/** Appends observations of several dyads in one round trip. */
	void appendAll(List<Appended> appended) {
		this.jdbc.batchUpdate(
				"INSERT INTO relation_change_event (dyad, sequence, event_id, received_at, payload) VALUES (?, ?, ?, ?, ?)",
				appended.stream()
					.map((entry) -> new Object[] { entry.dyad().toString(), entry.observation().sequence(),
							entry.observation().eventId(), Timestamp.from(entry.observation().receivedAt()),
							EventJson.writeString(entry.observation().change()) })
					.toList());
	}

	List<Dyad> dyads() {
		return this.jdbc.queryForList("SELECT DISTINCT dyad FROM relation_change_event ORDER BY dyad", String.class)
			.stream()
			.map(Dyad::parse)
			.toList();
	}

	List<Dyad> dyadsOf(String actor) {
		return this.jdbc
			.queryForList("SELECT DISTINCT dyad FROM relation_change_event WHERE dyad LIKE ? ORDER BY dyad",
					String.class, actor + ">%")
			.stream()
			.map(Dyad::parse)
			.toList();
	}

	/** An observation to append to a dyad's log. */
	record Appended(Dyad dyad, Observation observation) {
	}

	long size() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM relation_change_event", Long.class);
		return (count != null) ? count : 0;
	}

}
