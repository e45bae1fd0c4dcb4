package org.stancewatch.ingest.feed;

import org.stancewatch.ingest.fetch.FeedFetcher;
import org.stancewatch.ingest.fetch.FetchSettings;
import org.stancewatch.ingest.fetch.HostLimiter;
import org.stancewatch.ingest.fetch.RobotsRules;

import java.time.Duration;

import org.stancewatch.ingest.IngestSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One fetcher and one per-host limiter for feeds and article pages alike. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean(destroyMethod = "close")
	FeedFetcher feedFetcher(IngestSettings settings) {
		IngestSettings.Fetch fetch = settings.fetch();
		return new FeedFetcher(new FetchSettings(fetch.connectTimeout(), fetch.readTimeout(), fetch.totalTimeout(),
				fetch.maxBytes(), fetch.maxRedirects(), fetch.allowPrivateAddresses(), fetch.userAgent()));
	}

	@Bean
	RobotsRules robotsRules(FeedFetcher fetcher) {
		return new RobotsRules(fetcher, "stancewatch", Duration.ofHours(24));
	}

	@Bean
	HostLimiter hostLimiter() {
		return new HostLimiter();
	}

}
