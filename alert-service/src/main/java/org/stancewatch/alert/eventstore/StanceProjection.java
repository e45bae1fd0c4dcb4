package org.stancewatch.alert.eventstore;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.DyadStance;
import org.stancewatch.contracts.EventJson;

/**
 * Each dyad's current stance, kept as the exact JSON that was published for it.
 */
@Repository
class StanceProjection {

	private final JdbcTemplate jdbc;

	StanceProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the stance and returns the JSON stored. */
	String save(DyadStance stance) {
		String json = EventJson.writeString(stance);
		this.jdbc.update("""
				INSERT INTO dyad_stance (dyad, actor, target, level, updated_at, stance) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (dyad) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at,
				    stance = excluded.stance
				""", stance.dyad().toString(), stance.actor(), stance.target(), stance.level().name(),
				Timestamp.from(stance.updatedAt()), json);
		return json;
	}

	/** Stores several stances in one round trip. */
	void saveAll(Collection<DyadStance> stances) {
		this.jdbc.batchUpdate("""
				INSERT INTO dyad_stance (dyad, actor, target, level, updated_at, stance) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (dyad) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at,
				    stance = excluded.stance
				""",
				stances.stream()
					.map((stance) -> new Object[] { stance.dyad().toString(), stance.actor(), stance.target(),
							stance.level().name(), Timestamp.from(stance.updatedAt()), EventJson.writeString(stance) })
					.toList());
	}

	/** Every stored stance as JSON, by dyad. */
	Map<String, String> all() {
		Map<String, String> stances = new LinkedHashMap<>();
		this.jdbc.query("SELECT dyad, stance FROM dyad_stance ORDER BY dyad",
				(RowCallbackHandler) (rs) -> stances.put(rs.getString("dyad"), rs.getString("stance")));
		return stances;
	}

	void deleteAll() {
		this.jdbc.update("DELETE FROM dyad_stance");
	}

	List<DyadStance> ofTarget(String target) {
		return this.jdbc.query("SELECT stance FROM dyad_stance WHERE target = ? ORDER BY actor",
				(rs, row) -> EventJson.read(rs.getString("stance"), DyadStance.class), target);
	}

	Optional<DyadStance> of(Dyad dyad) {
		return this.jdbc
			.query("SELECT stance FROM dyad_stance WHERE dyad = ?",
					(rs, row) -> EventJson.read(rs.getString("stance"), DyadStance.class), dyad.toString())
			.stream()
			.findFirst();
	}

}
