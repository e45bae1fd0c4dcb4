package org.stancewatch.ingest.feed;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Feeds in PostgreSQL. */
@Repository
class FeedRepository {

	private static final String COLUMNS = "id, url, title, enabled, disabled_reason, "
			+ "poll_interval_s, fetch_full_text, last_status, last_error, "
			+ "last_polled_at, consecutive_failures, next_poll_at";

	private final JdbcClient jdbc;

	FeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a feed, or returns empty when one with that URL exists. */
	Optional<Feed> create(URI url, @Nullable String title, Duration interval, boolean enabled, boolean fullText) {
		KeyHolder keys = new GeneratedKeyHolder();
		int created = this.jdbc
			.sql("insert into feed (url, title, poll_interval_s, enabled, fetch_full_text) values (?, ?, ?, ?, ?) "
					+ "on conflict (url) do nothing")
			.params(url.toString(), title, interval(interval), enabled, fullText)
			.update(keys, "id");
		return (created == 0) ? Optional.empty() : find(keys.getKeyAs(Long.class));
	}

	Optional<Feed> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from feed where id = ?").param(id).query(this::feed).optional();
	}

	List<Feed> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from feed order by id").query(this::feed).list();
	}

	/**
	 * Applies the given changes; a changed URL or re-enabled feed is polled again at
	 * once.
	 */
	Optional<Feed> update(long id, URI url, @Nullable String title, @Nullable Duration interval,
			@Nullable Boolean enabled, @Nullable Boolean fullText) {
		int updated = this.jdbc.sql("""
				update feed set
				  next_poll_at = case when url <> :url or (:enabled and not enabled) then now() else next_poll_at end,
				  consecutive_failures = case when url <> :url then 0 else consecutive_failures end,
				  etag = case when url <> :url then null else etag end,
				  last_modified = case when url <> :url then null else last_modified end,
				  disabled_reason = case when :enabled then null else disabled_reason end,
				  url = :url,
				  title = coalesce(:title, title),
				  poll_interval_s = coalesce(:interval, poll_interval_s),
				  enabled = coalesce(:enabledValue, enabled),
				  fetch_full_text = coalesce(:fullText, fetch_full_text),
				  updated_at = now()
				where id = :id""")
			.param("url", url.toString())
			.param("enabled", Boolean.TRUE.equals(enabled))
			.param("enabledValue", enabled)
			.param("title", title)
			.param("interval", (interval != null) ? interval(interval) : null)
			.param("fullText", fullText)
			.param("id", id)
			.update();
		return (updated == 0) ? Optional.empty() : find(id);
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from feed where id = ?").param(id).update() > 0;
	}

	boolean urlTakenByAnother(long id, URI url) {
		return this.jdbc.sql("select count(*) from feed where url = ? and id <> ?")
			.params(url.toString(), id)
			.query(Long.class)
			.single() > 0;
	}

	List<FetchRecord> history(long feedId, int limit) {
		return this.jdbc
			.sql("select started_at, duration_ms, http_status, outcome, new_articles, error from fetch_history "
					+ "where feed_id = ? order by started_at desc, id desc limit ?")
			.params(feedId, limit)
			.query((rs, row) -> new FetchRecord(rs.getTimestamp("started_at").toInstant(), rs.getInt("duration_ms"),
					(Integer) rs.getObject("http_status"), rs.getString("outcome"), rs.getInt("new_articles"),
					rs.getString("error")))
			.list();
	}

	/**
	 * Leases up to {@code limit} due feeds to {@code owner}; rows leased by another live
	 * instance are skipped, and an expired lease (its poller died) is taken over.
	 */
	List<DueFeed> claimDue(String owner, Duration lease, int limit) {
		return this.jdbc.sql("""
				update feed set lease_owner = :owner, lease_until = now() + make_interval(secs => :lease)
				where id in (select id from feed
				             where enabled and next_poll_at <= now() and (lease_until is null or lease_until < now())
				             order by next_poll_at limit :limit for update skip locked)
				returning id, url, etag, last_modified, poll_interval_s, fetch_full_text, consecutive_failures""")
			.param("owner", owner)
			.param("lease", lease.toSeconds())
			.param("limit", limit)
			.query((rs, row) -> new DueFeed(rs.getLong("id"), URI.create(rs.getString("url")), rs.getString("etag"),
					rs.getString("last_modified"), Duration.ofSeconds(rs.getLong("poll_interval_s")),
					rs.getBoolean("fetch_full_text"), rs.getInt("consecutive_failures")))
			.list();
	}

	/**
	 * Records a poll's outcome, sets the next poll and releases the lease, in one
	 * transaction.
	 */
	@Transactional
	void recordPoll(DueFeed feed, PollResult result, Instant startedAt, Duration took, Instant nextPollAt) {
		boolean failed = result.outcome() == PollResult.Outcome.FAILED
				|| result.outcome() == PollResult.Outcome.THROTTLED;
		boolean gone = result.outcome() == PollResult.Outcome.GONE;
		this.jdbc
			.sql("""
					update feed set
					  url = case when cast(:movedTo as text) is not null and not exists
					          (select 1 from feed other where other.url = cast(:movedTo as text) and other.id <> :id) then cast(:movedTo as text) else url end,
					  etag = case when :keepValidators then etag else cast(:etag as text) end,
					  last_modified = case when :keepValidators then last_modified else cast(:lastModified as text) end,
					  last_polled_at = :startedAt,
					  last_status = :outcome,
					  last_error = cast(:error as text),
					  consecutive_failures = case when :failed then consecutive_failures + 1 else 0 end,
					  enabled = enabled and not :gone,
					  disabled_reason = case when :gone then cast(:error as text) else disabled_reason end,
					  next_poll_at = :nextPollAt,
					  lease_owner = null, lease_until = null, updated_at = now()
					where id = :id""")
			.param("movedTo", (result.movedTo() != null) ? result.movedTo().toString() : null)
			.param("keepValidators", failed || gone)
			.param("etag", result.etag())
			.param("lastModified", result.lastModified())
			.param("startedAt", Timestamp.from(startedAt))
			.param("outcome", result.outcome().name())
			.param("error", result.error())
			.param("failed", failed)
			.param("gone", gone)
			.param("nextPollAt", Timestamp.from(nextPollAt))
			.param("id", feed.id())
			.update();
		this.jdbc.sql(
				"insert into fetch_history (feed_id, started_at, duration_ms, http_status, outcome, new_articles, error) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(feed.id(), Timestamp.from(startedAt), (int) took.toMillis(), result.httpStatus(),
					result.outcome().name(), result.newArticles(), result.error())
			.update();
	}

	private Feed feed(ResultSet rs, int row) throws SQLException {
		return new Feed(rs.getLong("id"), URI.create(rs.getString("url")), rs.getString("title"),
				rs.getBoolean("enabled"), rs.getString("disabled_reason"),
				Duration.ofSeconds(rs.getLong("poll_interval_s")), rs.getBoolean("fetch_full_text"),
				new Feed.Health(rs.getString("last_status"), rs.getString("last_error"),
						instant(rs.getTimestamp("last_polled_at")), rs.getInt("consecutive_failures"),
						rs.getTimestamp("next_poll_at").toInstant()));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static long interval(Duration duration) {
		return duration.toSeconds();
	}

	/**
	 * One poll of a feed.
	 *
	 * @param startedAt when the poll started
	 * @param durationMs how long it took
	 * @param httpStatus the server's status code, when it answered
	 * @param outcome OK, NOT_MODIFIED, FAILED, THROTTLED or GONE
	 * @param newArticles articles seen for the first time
	 * @param error what went wrong, when it failed
	 */
	record FetchRecord(Instant startedAt, int durationMs, @Nullable Integer httpStatus, String outcome, int newArticles,
			@Nullable String error) {
	}

}
