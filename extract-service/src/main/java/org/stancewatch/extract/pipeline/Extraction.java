package org.stancewatch.extract.pipeline;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.stancewatch.contracts.RelationChange;

/**
 * What became of one record of the articles topic.
 */
sealed interface Extraction {

	ConsumerRecord<String, byte[]> record();

	/** An article, read, with the relation changes the engine found in it. */
	record Extracted(ConsumerRecord<String, byte[]> record, List<RelationChange> changes) implements Extraction {

	}

	/** A record that will never pass: it goes to the dead-letter topic. */
	record Unprocessable(ConsumerRecord<String, byte[]> record,
			UnprocessableArticleException reason) implements Extraction {

	}

	/** A tombstone: ingest-service deleted the article from the compacted topic. */
	record Deleted(ConsumerRecord<String, byte[]> record) implements Extraction {

	}

}
