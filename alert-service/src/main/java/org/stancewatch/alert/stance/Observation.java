package org.stancewatch.alert.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.stancewatch.contracts.RelationChange;
import org.stancewatch.contracts.StanceShift;

/**
 * One relation change as the event store holds it: the observation and when the store
 * first saw it.
 *
 * @param sequence its position in the dyad's log, from 1
 * @param change what was read
 * @param receivedAt when the event store appended it; the clock of lateness and tone
 */
public record Observation(int sequence, RelationChange change, Instant receivedAt) {

	public String eventId() {
		return this.change.eventId();
	}

	/**
	 * The article family: a syndicated copy belongs to the family of the article it
	 * copies, so it is not an independent source.
	 */
	String family() {
		String original = this.change.duplicateOf();
		return (original != null) ? original : this.change.articleId();
	}

	boolean isSyndicatedCopy() {
		return this.change.duplicateOf() != null;
	}

	StanceShift.Source source() {
		return new StanceShift.Source(this.change.articleUrl(), this.change.articleTitle(), this.change.source(),
				this.change.publishedAt());
	}

	LocalDate receivedOn() {
		return LocalDate.ofInstant(this.receivedAt, ZoneOffset.UTC);
	}

}
