package org.stancewatch.ingest.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancewatch.contracts.Article;
import org.stancewatch.contracts.EventType;
import org.stancewatch.ingest.article.NearDuplicates;
import org.stancewatch.ingest.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each article once and, in the same transaction, queues it for Kafka. A
 * near-duplicate of an earlier article (a syndicated copy) is stored and published too,
 * with {@code duplicateOf} naming the first one, so that downstream it does not count as
 * an independent source.
 */
@Repository
public class ArticleStore {

	private static final Logger logger = LoggerFactory.getLogger(ArticleStore.class);

	/**
	 * Syndicated copies mostly arrive within hours: compare with this many of the latest
	 * articles.
	 */
	static final int RECENT_CANDIDATES = 500;

	/**
	 * Originals compared per SimHash band, the latest first. Unrelated articles share a
	 * band value about once in 65,536, so only a template (daily bulletins, stories that
	 * share a long footer) fills a band beyond this; without a bound each of its new
	 * articles would cost more than the last.
	 */
	static final int BAND_CANDIDATES = 200;

	/**
	 * Articles compared that bear the new one's title, the latest first: a column or a
	 * live page may reuse one headline for years.
	 */
	static final int TITLE_CANDIDATES = 100;

	/** Candidates whose texts are compared, the nearest by SimHash distance. */
	static final int NEAREST_CANDIDATES = 20;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	ArticleStore(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/**
	 * Stores an article unless one with its id exists.
	 * @param article the normalised article; its {@code duplicateOf} is decided here
	 * @return the stored article, or empty when it was already known
	 */
	@Transactional
	public Optional<Article> save(Article article) {
		return saveAll(List.of(article)).stream().findFirst();
	}

	/**
	 * Stores the new articles of one feed poll in one transaction: a poll of 50 new items
	 * commits once, not 50 times. They are stored oldest first, so that of two copies in
	 * one poll the earlier is the original, and in an order every instance agrees on, so
	 * that two polls storing the same items cannot deadlock.
	 * @return the articles stored, without those already known
	 */
	@Transactional
	public List<Article> saveAll(List<Article> articles) {
		LatestArticles latest = new LatestArticles(RECENT_CANDIDATES, this::latest);
		return articles.stream()
			.sorted(OLDEST_FIRST)
			.map((article) -> insert(article, latest))
			.filter(Objects::nonNull)
			.toList();
	}

	private @Nullable Article insert(Article article, LatestArticles latest) {
		NearDuplicates.Shingled text = NearDuplicates.Shingled.of(article.text());
		String duplicateOf = firstNearDuplicate(article, text, latest);
		long fingerprint = text.fingerprint();
		Article stored = new Article(article.id(), article.url(), article.canonicalUrl(), article.title(),
				article.source(), article.feedId(), article.publishedAt(), article.fetchedAt(), article.language(),
				article.text(), article.summary(), article.contentHash(), duplicateOf);
		Optional<Instant> created = this.jdbc.sql("""
				insert into article (id, feed_id, url, canonical_url, title, source, published_at, fetched_at, language,
				  text, summary, content_hash, fingerprint, band0, band1, band2, band3, shingles, duplicate_of)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do nothing
				returning created_at""")
			.params(stored.id(), (stored.feedId() != null) ? Long.valueOf(stored.feedId()) : null, stored.url(),
					stored.canonicalUrl(), stored.title(), stored.source(), timestamp(stored),
					Timestamp.from(stored.fetchedAt()), stored.language(), stored.text(), stored.summary(),
					stored.contentHash(), fingerprint, band(fingerprint, 0), band(fingerprint, 1), band(fingerprint, 2),
					band(fingerprint, 3), text.shingles().toBytes(), duplicateOf)
			.query((rs, row) -> rs.getTimestamp("created_at").toInstant())
			.optional();
		if (created.isEmpty()) {
			return null;
		}
		latest.add(new LatestArticles.Fingerprinted(stored.id(), created.get(), fingerprint));
		this.outbox.append(EventType.ARTICLE, stored.id(), stored.id(), stored);
		logger.info("Queued article {} from {}{}: {}", stored.id(), stored.source(),
				(duplicateOf != null) ? " (a copy of " + duplicateOf + ")" : "", stored.url());
		return stored;
	}

	/**
	 * Which of these article ids are stored already; lets the poller skip work for known
	 * items with one query per poll.
	 */
	public Set<String> known(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select id from article where id = any(?)")
			.param(ids.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * The first stored article this one copies. Candidates are gathered cheaply (same
	 * text hash, an original sharing a SimHash band, one of the latest with the same
	 * title, or among the most recent articles), narrowed to the
	 * {@value #NEAREST_CANDIDATES} nearest by SimHash distance in SQL (stories that share
	 * a long footer all lie near each other, so the oldest 20 could all be strangers),
	 * and confirmed by comparing the texts' shingles, oldest first. Only originals are
	 * looked up by band: a story carried by hundreds of outlets would otherwise make each
	 * of its copies compare with all the earlier ones. So an article that resembles an
	 * older copy, but not that copy's original, is stored as an original; and so is the
	 * copy of an original that {@value #BAND_CANDIDATES} newer originals crowd out of
	 * every band it shares, unless it is among the latest {@value #RECENT_CANDIDATES}
	 * (read once per poll, the poll's own added as stored).
	 */
	private @Nullable String firstNearDuplicate(Article article, NearDuplicates.Shingled text, LatestArticles latest) {
		if (!text.comparable()) {
			// A teaser of a few words is a copy only when identical; looking for near
			// ones would compare it with every other teaser of similar wording.
			return this.jdbc.sql("""
					select coalesce(duplicate_of, id) from article where content_hash = ? and id <> ?
					order by created_at, id limit 1""")
				.params(article.contentHash(), article.id())
				.query(String.class)
				.optional()
				.orElse(null);
		}
		// One indexed lookup per kind of candidate, then the SimHash distance over those
		// few rows only: an OR of these conditions made PostgreSQL filter every stored
		// article, which grew each insert's cost with the table. Repeats are dropped
		// after the distance filter, which rules out nearly all candidates. The latest
		// articles come as the ids of those near enough (LatestArticles).
		long fingerprint = text.fingerprint();
		List<Candidate> candidates = this.jdbc.sql("""
				with candidate as (
				  select id, created_at, fingerprint from article where content_hash = :hash
				  union all (select id, created_at, fingerprint from article where band0 = :b0 and duplicate_of is null
				    order by created_at desc limit :perBand)
				  union all (select id, created_at, fingerprint from article where band1 = :b1 and duplicate_of is null
				    order by created_at desc limit :perBand)
				  union all (select id, created_at, fingerprint from article where band2 = :b2 and duplicate_of is null
				    order by created_at desc limit :perBand)
				  union all (select id, created_at, fingerprint from article where band3 = :b3 and duplicate_of is null
				    order by created_at desc limit :perBand)
				  union all (select id, created_at, fingerprint from article where lower(title) = lower(:title)
				    order by created_at desc limit :perTitle)
				  union all select id, created_at, fingerprint from article where id = any(:latest)
				), nearest as (
				  select distinct id, created_at, bit_count(int8send(fingerprint # :fingerprint)) as distance
				  from candidate
				  where id <> :id and bit_count(int8send(fingerprint # :fingerprint)) <= :distance
				  order by distance, created_at, id limit :nearest
				)
				select a.id, a.content_hash, a.duplicate_of, a.shingles,
				  case when a.shingles is null then a.text end as text
				from nearest n join article a on a.id = n.id
				order by n.created_at, n.id""")
			.param("id", article.id())
			.param("hash", article.contentHash())
			.param("b0", band(fingerprint, 0))
			.param("b1", band(fingerprint, 1))
			.param("b2", band(fingerprint, 2))
			.param("b3", band(fingerprint, 3))
			.param("title", article.title())
			.param("perBand", BAND_CANDIDATES)
			.param("perTitle", TITLE_CANDIDATES)
			.param("latest", latest.nearest(fingerprint, NEAREST_CANDIDATES))
			.param("nearest", NEAREST_CANDIDATES)
			.param("fingerprint", fingerprint)
			.param("distance", NearDuplicates.CANDIDATE_DISTANCE)
			.query((rs, row) -> new Candidate(rs.getString("id"), rs.getString("content_hash"),
					rs.getString("duplicate_of"), shingles(rs.getBytes("shingles"), rs.getString("text"))))
			.list();
		return candidates.stream()
			.filter((candidate) -> candidate.contentHash().equals(article.contentHash())
					|| text.isNearDuplicateOf(candidate.shingles()))
			.findFirst()
			.map((candidate) -> (candidate.duplicateOf() != null) ? candidate.duplicateOf() : candidate.id())
			.orElse(null);
	}

	/** The latest articles' fingerprints, newest first. */
	private List<LatestArticles.Fingerprinted> latest() {
		return this.jdbc.sql("""
				select id, created_at, fingerprint from article where fingerprint is not null
				order by created_at desc limit ?""")
			.param(RECENT_CANDIDATES)
			.query((rs, row) -> new LatestArticles.Fingerprinted(rs.getString("id"),
					rs.getTimestamp("created_at").toInstant(), rs.getLong("fingerprint")))
			.list();
	}

	/**
	 * A candidate's shingles as stored, or taken from its text when it was stored before
	 * they were (V5).
	 */
	private static NearDuplicates.Shingles shingles(byte @Nullable [] stored, @Nullable String text) {
		if (stored != null) {
			return NearDuplicates.Shingles.fromBytes(stored);
		}
		return NearDuplicates.Shingled.of(Objects.requireNonNull(text)).shingles();
	}

	private static final Comparator<Article> OLDEST_FIRST = Comparator
		.comparing(Article::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Article::id);

	private static @Nullable Timestamp timestamp(Article article) {
		return (article.publishedAt() != null) ? Timestamp.from(article.publishedAt()) : null;
	}

	static int band(long fingerprint, int band) {
		return (int) ((fingerprint >>> (16 * band)) & 0xFFFF);
	}

	private record Candidate(String id, String contentHash, @Nullable String duplicateOf,
			NearDuplicates.Shingles shingles) {
	}

}
