package org.stancewatch.alert.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.EventJson;
import org.stancewatch.contracts.StanceShift;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries and their attempts. A worker claims due rows with {@code FOR UPDATE SKIP
 * LOCKED} and a lease, so that several workers never hold the same row, and sends outside
 * the database transaction.
 */
@Repository
class DeliveryRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * One row per subscription; a shift already delivered to a subscription is skipped.
	 * @return rows created
	 */
	int create(List<UUID> subscriptionIds, StanceShift shift, DeliveryKind kind, @Nullable String traceparent) {
		String json = EventJson.writeString(shift);
		int created = 0;
		for (UUID subscriptionId : subscriptionIds) {
			created += this.jdbc.sql("""
					INSERT INTO delivery (id, subscription_id, shift_id, kind, shift, traceparent)
					VALUES (:id, :subscription, :shift, :kind, CAST(:json AS jsonb), :traceparent)
					ON CONFLICT ON CONSTRAINT delivery_once_per_shift DO NOTHING""")
				.param("id", UUID.randomUUID())
				.param("subscription", subscriptionId)
				.param("shift", shift.shiftId())
				.param("kind", kind.name())
				.param("json", json)
				.param("traceparent", traceparent, Types.VARCHAR)
				.update();
		}
		return created;
	}

	/**
	 * Claims up to {@code limit} due deliveries of active subscriptions (tests always).
	 */
	List<Claimed> claimDue(String worker, int limit, Duration lease) {
		return this.jdbc.sql("""
				UPDATE delivery d SET lease_until = now() + make_interval(secs => :lease), claimed_by = :worker
				FROM (SELECT candidate.id FROM delivery candidate
				      JOIN subscription s ON s.id = candidate.subscription_id
				      WHERE candidate.status = 'PENDING' AND candidate.next_attempt_at <= now()
				        AND (candidate.lease_until IS NULL OR candidate.lease_until < now())
				        AND (s.status = 'ACTIVE' OR candidate.kind = 'TEST')
				      ORDER BY candidate.next_attempt_at
				      LIMIT :limit
				      FOR UPDATE OF candidate SKIP LOCKED) due
				WHERE d.id = due.id
				RETURNING d.id, d.subscription_id, d.kind, d.shift::text AS shift, d.retry_step, d.traceparent,
				    d.created_at""")
			.param("lease", lease.toMillis() / 1000.0)
			.param("worker", worker)
			.param("limit", limit)
			.query(DeliveryRepository::claimed)
			.list();
	}

	/** Creates a delivery already claimed by this worker, to send it at once. */
	Claimed createClaimed(UUID subscriptionId, StanceShift shift, DeliveryKind kind, String worker, Duration lease,
			@Nullable String traceparent) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO delivery (id, subscription_id, shift_id, kind, shift, lease_until, claimed_by, traceparent,
				    created_at)
				VALUES (:id, :subscription, :shift, :kind, CAST(:json AS jsonb), now() + make_interval(secs => :lease),
				    :worker, :traceparent, :now)""")
			.param("id", id)
			.param("subscription", subscriptionId)
			.param("shift", shift.shiftId())
			.param("kind", kind.name())
			.param("json", EventJson.writeString(shift))
			.param("lease", lease.toMillis() / 1000.0)
			.param("worker", worker)
			.param("traceparent", traceparent, Types.VARCHAR)
			.param("now", Timestamp.from(now))
			.update();
		return new Claimed(id, subscriptionId, kind, shift, 0, traceparent, now);
	}

	/** Several attempts in one round trip. */
	void recordAttempts(List<Attempt> attempts, String worker) {
		this.batch.batchUpdate(
				"""
						INSERT INTO delivery_attempt (delivery_id, attempted_at, duration_ms, outcome, status_code, error, worker)
						VALUES (?, ?, ?, ?, ?, ?, ?)""",
				attempts.stream()
					.map((attempt) -> new Object[] { attempt.deliveryId(), Timestamp.from(attempt.at()),
							attempt.took().toMillis(), attempt.result().outcome().name(), attempt.result().statusCode(),
							attempt.result().error(), worker })
					.toList(),
				new int[] { Types.OTHER, Types.TIMESTAMP, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
						Types.VARCHAR });
	}

	void markDelivered(List<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(),
				    lease_until = NULL, last_error = NULL
				WHERE id = ANY(:ids)""").param("ids", ids.toArray(UUID[]::new)).update();
	}

	void scheduleRetry(UUID id, Instant next, String error) {
		this.jdbc.sql("""
				UPDATE delivery SET attempts = attempts + 1, retry_step = retry_step + 1, next_attempt_at = :next,
				    lease_until = NULL, last_error = :error
				WHERE id = :id""").param("id", id).param("next", Timestamp.from(next)).param("error", error).update();
	}

	void markFailed(UUID id, String error) {
		this.jdbc.sql("""
				UPDATE delivery SET status = 'FAILED', attempts = attempts + 1, lease_until = NULL, last_error = :error
				WHERE id = :id""").param("id", id).param("error", error).update();
	}

	/** Puts a failed delivery back in line, with a fresh retry schedule. */
	boolean resend(UUID subscriptionId, UUID id) {
		return this.jdbc.sql("""
				UPDATE delivery SET status = 'PENDING', retry_step = 0, next_attempt_at = now(), lease_until = NULL
				WHERE id = :id AND subscription_id = :subscription AND status = 'FAILED'""")
			.param("id", id)
			.param("subscription", subscriptionId)
			.update() == 1;
	}

	/** Newest first, each with its attempts oldest first. */
	List<DeliveryView> list(UUID subscriptionId, @Nullable UUID onlyId, int limit) {
		Map<UUID, DeliveryView> deliveries = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, shift_id, kind, status, attempts, next_attempt_at, last_error, created_at, delivered_at
				FROM delivery WHERE subscription_id = :subscription AND (CAST(:only AS uuid) IS NULL OR id = :only)
				ORDER BY created_at DESC, id LIMIT :limit""")
			.param("subscription", subscriptionId)
			.param("only", onlyId)
			.param("limit", limit)
			.query((rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				String status = rs.getString("status");
				deliveries.put(id,
						new DeliveryView(id, rs.getString("shift_id"), DeliveryKind.valueOf(rs.getString("kind")),
								status, rs.getInt("attempts"),
								"PENDING".equals(status) ? instant(rs.getTimestamp("next_attempt_at")) : null,
								rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
								instant(rs.getTimestamp("delivered_at")), new ArrayList<>()));
			});
		if (!deliveries.isEmpty()) {
			this.jdbc.sql("""
					SELECT delivery_id, attempted_at, duration_ms, outcome, status_code, error FROM delivery_attempt
					WHERE delivery_id IN (:ids) ORDER BY attempted_at, id""")
				.param("ids", List.copyOf(deliveries.keySet()))
				.query((rs) -> {
					Integer status = rs.getObject("status_code", Integer.class);
					deliveries.get(rs.getObject("delivery_id", UUID.class))
						.attempts()
						.add(new DeliveryView.Attempt(rs.getTimestamp("attempted_at").toInstant(),
								rs.getLong("duration_ms"), SendResult.Outcome.valueOf(rs.getString("outcome")), status,
								rs.getString("error")));
				});
		}
		return List.copyOf(deliveries.values());
	}

	/** The subscription's alerts, newest first, for its feed. */
	List<StanceShift> recentAlerts(UUID subscriptionId, int limit) {
		return this.jdbc.sql("""
				SELECT shift::text FROM delivery WHERE subscription_id = :subscription AND kind = 'ALERT'
				ORDER BY created_at DESC, id LIMIT :limit""")
			.param("subscription", subscriptionId)
			.param("limit", limit)
			.query((rs, row) -> EventJson.read(rs.getString(1), StanceShift.class))
			.list();
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		return new Claimed(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
				DeliveryKind.valueOf(rs.getString("kind")), EventJson.read(rs.getString("shift"), StanceShift.class),
				rs.getInt("retry_step"), rs.getString("traceparent"), rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One try at sending a delivery. */
	record Attempt(UUID deliveryId, Instant at, Duration took, SendResult result) {
	}

	/**
	 * A delivery this worker holds.
	 *
	 * @param retryStep failed attempts since it was created or last re-sent
	 * @param traceparent the trace of the fold that created it, continued when it is sent
	 * @param createdAt when it was created, with its shift
	 */
	record Claimed(UUID id, UUID subscriptionId, DeliveryKind kind, StanceShift shift, int retryStep,
			@Nullable String traceparent, Instant createdAt) {
	}

}
