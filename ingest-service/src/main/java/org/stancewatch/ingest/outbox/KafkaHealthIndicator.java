package org.stancewatch.ingest.outbox;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Readiness of the broker: up when the cluster answers a metadata request within three
 * seconds. Boot has no Kafka health indicator of its own.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private static final int TIMEOUT_MS = 3000;

	private final Admin admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
	}

	@Override
	public Health health() {
		try {
			DescribeClusterResult cluster = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
			return Health.up()
				.withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
				.withDetail("brokers", cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size())
				.build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", String.valueOf(ex.getMessage())).build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close();
	}

}
