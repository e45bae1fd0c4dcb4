package org.stancewatch.alert.eventstore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.StanceShift;

/** Every shift and signal emitted, as last published. */
@Repository
class ShiftLog {

	private final JdbcTemplate jdbc;

	ShiftLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a shift; false when one with that id exists (a replayed cause). */
	boolean add(StanceShift shift) {
		return this.jdbc.update("""
				INSERT INTO stance_shift (shift_id, dyad, kind, cause_event_id, detected_at, shift)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shift_id) DO NOTHING
				""", shift.shiftId(), shift.dyad().toString(), shift.kind().name(), shift.causeEventId(),
				Timestamp.from(shift.detectedAt()), EventJson.writeString(shift)) == 1;
	}

	void update(StanceShift shift) {
		this.jdbc.update("UPDATE stance_shift SET shift = ? WHERE shift_id = ?", EventJson.writeString(shift),
				shift.shiftId());
	}

	List<StanceShift> causedBy(Dyad dyad, String causeEventId) {
		return this.jdbc.query(
				"SELECT shift FROM stance_shift WHERE dyad = ? AND cause_event_id = ? ORDER BY detected_at, shift_id",
				(rs, row) -> EventJson.read(rs.getString("shift"), StanceShift.class), dyad.toString(), causeEventId);
	}

	List<StanceShift> since(Instant since, int limit) {
		return this.jdbc.query(
				"SELECT shift FROM stance_shift WHERE detected_at >= ? ORDER BY detected_at, shift_id LIMIT ?",
				(rs, row) -> EventJson.read(rs.getString("shift"), StanceShift.class), Timestamp.from(since), limit);
	}

}
