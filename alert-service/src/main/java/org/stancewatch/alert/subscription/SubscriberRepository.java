package org.stancewatch.alert.subscription;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriberRepository {

	private final JdbcClient jdbc;

	SubscriberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, byte[] apiKeyHash) {
		this.jdbc.sql("INSERT INTO subscriber (id, name, api_key_hash) VALUES (:id, :name, :hash)")
			.param("id", id)
			.param("name", name)
			.param("hash", apiKeyHash)
			.update();
	}

	Optional<UUID> findByApiKeyHash(byte[] apiKeyHash) {
		return this.jdbc.sql("SELECT id FROM subscriber WHERE api_key_hash = :hash")
			.param("hash", apiKeyHash)
			.query(UUID.class)
			.optional();
	}

}
