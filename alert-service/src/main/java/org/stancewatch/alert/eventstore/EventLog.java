package org.stancewatch.alert.eventstore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
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
	 * Serialises writers of one dyad until the transaction ends, and keeps a rebuild out
	 * meanwhile.
	 */
	void lockForWriting(Dyad dyad) {
		this.jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", (rs) -> null, REBUILD_LOCK);
		this.jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", (rs) -> null, DYAD_LOCK_SPACE, dyad.toString());
	}

	/** Waits for running writers, then keeps new ones out until the transaction ends. */
	void lockForRebuild() {
		this.jdbc.query("SELECT pg_advisory_xact_lock(?)", (rs) -> null, REBUILD_LOCK);
	}

	/** The dedupe gate: true the first time an event id is seen, false ever after. */
	boolean markProcessed(String eventId, Instant now) {
		return this.jdbc.update("INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?) "
				+ "ON CONFLICT (event_id) DO NOTHING", eventId, Timestamp.from(now)) == 1;
	}

	List<Observation> load(Dyad dyad) {
		return this.jdbc.query(
				"SELECT sequence, payload, received_at FROM relation_change_event WHERE dyad = ? ORDER BY sequence",
				(rs, row) -> new Observation(rs.getInt("sequence"),
						EventJson.read(rs.getString("payload"), RelationChange.class),
						rs.getTimestamp("received_at").toInstant()),
				dyad.toString());
	}

	Observation append(Dyad dyad, int sequence, RelationChange change, Instant receivedAt) {
		this.jdbc.update(
				"INSERT INTO relation_change_event (dyad, sequence, event_id, received_at, payload) VALUES (?, ?, ?, ?, ?)",
				dyad.toString(), sequence, change.eventId(), Timestamp.from(receivedAt), EventJson.writeString(change));
		return new Observation(sequence, change, receivedAt);
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

	long size() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM relation_change_event", Long.class);
		return (count != null) ? count : 0;
	}

}
