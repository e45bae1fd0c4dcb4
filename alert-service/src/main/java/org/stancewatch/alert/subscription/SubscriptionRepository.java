package org.stancewatch.alert.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Level;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions in PostgreSQL. Reads by owner keep subscribers apart. */
@Repository
public class SubscriptionRepository {

	private static final String COLUMNS = """
			id, subscriber_id, name, actors, target, directions, levels, actions, include_signals, min_confidence,
			min_sources, backfill, channel_type, channel_address, webhook_secret, status, disabled_reason,
			disabled_at, failing_since, created_at""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Subscription subscription) {
		SubscriptionFilter filter = subscription.filter();
		Channel channel = subscription.channel();
		this.jdbc
			.sql("""
					INSERT INTO subscription (id, subscriber_id, name, actors, target, directions, levels, actions,
					    include_signals, min_confidence, min_sources, backfill, channel_type, channel_address, webhook_secret)
					VALUES (:id, :subscriber, :name, :actors, :target, :directions, :levels, :actions, :signals,
					    :confidence, :sources, :backfill, :channelType, :address, :secret)""")
			.param("id", subscription.id())
			.param("subscriber", subscription.subscriberId())
			.param("name", subscription.name())
			.params(filterParams(filter))
			.param("channelType", channel.type().name())
			.param("address", channel.address())
			.param("secret", channel.webhookSecret())
			.update();
	}

	/**
	 * Replaces filter and name, and re-activates or disables as asked. The channel type
	 * and the webhook secret stay.
	 */
	boolean update(UUID subscriberId, UUID id, @Nullable String name, SubscriptionFilter filter, String address,
			boolean active) {
		return this.jdbc.sql("""
				UPDATE subscription SET name = :name, actors = :actors, target = :target, directions = :directions,
				    levels = :levels, actions = :actions, include_signals = :signals, min_confidence = :confidence,
				    min_sources = :sources, backfill = :backfill, channel_address = :address, updated_at = now(),
				    status = CASE WHEN :active THEN 'ACTIVE' ELSE 'DISABLED' END,
				    disabled_reason = CASE WHEN :active THEN NULL
				        WHEN status = 'ACTIVE' THEN 'disabled by the subscriber' ELSE disabled_reason END,
				    disabled_at = CASE WHEN :active THEN NULL WHEN status = 'ACTIVE' THEN now() ELSE disabled_at END,
				    failing_since = CASE WHEN :active THEN NULL ELSE failing_since END
				WHERE id = :id AND subscriber_id = :subscriber""")
			.param("id", id)
			.param("subscriber", subscriberId)
			.param("name", name)
			.params(filterParams(filter))
			.param("address", address)
			.param("active", active)
			.update() == 1;
	}

	boolean delete(UUID subscriberId, UUID id) {
		return this.jdbc.sql("DELETE FROM subscription WHERE id = :id AND subscriber_id = :subscriber")
			.param("id", id)
			.param("subscriber", subscriberId)
			.update() == 1;
	}

	/** The subscription, if it exists and belongs to the subscriber. */
	public Optional<Subscription> findOwned(UUID subscriberId, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = :id AND subscriber_id = :subscriber")
			.param("id", id)
			.param("subscriber", subscriberId)
			.query(SubscriptionRepository::map)
			.optional();
	}

	List<Subscription> listOwned(UUID subscriberId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscription WHERE subscriber_id = :subscriber ORDER BY created_at, id")
			.param("subscriber", subscriberId)
			.query(SubscriptionRepository::map)
			.list();
	}

	public Optional<Subscription> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = :id")
			.param("id", id)
			.query(SubscriptionRepository::map)
			.optional();
	}

	/** The subscriptions of these ids that still exist, in one query. */
	public List<Subscription> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(SubscriptionRepository::map)
			.list();
	}

	/** Active subscriptions about one target government; the caller applies the rest. */
	public List<Subscription> activeForTarget(String target) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscription WHERE status = 'ACTIVE' AND target = :target ORDER BY id")
			.param("target", target)
			.query(SubscriptionRepository::map)
			.list();
	}

	/** Stops alerts and says why in the API. */
	public void disable(UUID id, String reason) {
		this.jdbc.sql("""
				UPDATE subscription SET status = 'DISABLED', disabled_reason = :reason, disabled_at = now(),
				    updated_at = now()
				WHERE id = :id AND status = 'ACTIVE'""").param("id", id).param("reason", reason).update();
	}

	/**
	 * Notes a failed attempt.
	 * @return the start of the current run of failures
	 */
	public Instant recordFailure(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE subscription SET failing_since = coalesce(failing_since, :now) WHERE id = :id "
					+ "RETURNING failing_since")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(now);
	}

	/** Ends the runs of failures of several subscriptions. */
	public void recordSuccess(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE subscription SET failing_since = NULL WHERE id = ANY(:ids) AND failing_since IS NOT NULL")
			.param("ids", ids.toArray(UUID[]::new))
			.update();
	}

	/** Ends a run of failures. */
	public void recordSuccess(UUID id) {
		this.jdbc.sql("UPDATE subscription SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
			.param("id", id)
			.update();
	}

	private static Map<String, Object> filterParams(SubscriptionFilter filter) {
		return Map.of("actors", filter.actors().stream().sorted().toArray(String[]::new), "target", filter.target(),
				"directions", names(filter.directions()), "levels", names(filter.levels()), "actions",
				names(filter.actions()), "signals", filter.includeSignals(), "confidence", filter.minConfidence(),
				"sources", filter.minSources(), "backfill", filter.backfill());
	}

	private static String[] names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		SubscriptionFilter filter = new SubscriptionFilter(strings(rs.getArray("actors"), Function.identity()),
				rs.getString("target"), strings(rs.getArray("directions"), Direction::valueOf),
				strings(rs.getArray("levels"), Level::valueOf), strings(rs.getArray("actions"), Action::valueOf),
				rs.getBoolean("include_signals"), rs.getDouble("min_confidence"), rs.getInt("min_sources"),
				rs.getBoolean("backfill"));
		Channel channel = new Channel(ChannelType.valueOf(rs.getString("channel_type")),
				rs.getString("channel_address"), rs.getString("webhook_secret"));
		return new Subscription(rs.getObject("id", UUID.class), rs.getObject("subscriber_id", UUID.class),
				rs.getString("name"), filter, channel, Subscription.Status.valueOf(rs.getString("status")),
				rs.getString("disabled_reason"), instant(rs.getTimestamp("disabled_at")),
				instant(rs.getTimestamp("failing_since")), rs.getTimestamp("created_at").toInstant());
	}

	private static <T> Set<T> strings(Array array, Function<String, T> parse) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(parse).collect(Collectors.toUnmodifiableSet());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
