package org.stancewatch.alert.delivery.webhook;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.stancewatch.alert.delivery.DeliveryProperties;
import org.stancewatch.alert.delivery.SendResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to webhook and chat URLs with Apache HttpClient 5: connect-time address
 * guard (unless {@code stancewatch.alert.allow-private-addresses}), redirects followed
 * through the same guard, and a hard deadline over the whole exchange.
 */
@Component
class WebhookClient implements DisposableBean {

	private final CloseableHttpClient client;

	private final long timeoutMillis;

	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("webhook-deadline-"));

	@Autowired
	WebhookClient(DeliveryProperties properties,
			@Value("${stancewatch.alert.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		this(properties.webhookTimeout(),
				allowPrivateAddresses ? SystemDefaultDnsResolver.INSTANCE : new GuardedDnsResolver(),
				properties.concurrency());
	}

	WebhookClient(Duration timeoutAll, DnsResolver resolver) {
		this(timeoutAll, resolver, 4);
	}

	/**
	 * @param senders threads that may post at once; each may need its own connection to
	 * the same receiver
	 */
	WebhookClient(Duration timeoutAll, DnsResolver resolver, int senders) {
		this.timeoutMillis = timeoutAll.toMillis();
		Timeout timeout = Timeout.ofMilliseconds(this.timeoutMillis);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.setMaxConnTotal(Math.max(50, senders))
				.setMaxConnPerRoute(senders)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build())
			.setUserAgent("stancewatch-alerts/1")
			.disableCookieManagement()
			.build();
	}

	/** POSTs and says how it went; never throws for a failed exchange. */
	SendResult post(String url, byte[] json, Map<String, String> headers) {
		HttpPost post;
		try {
			post = new HttpPost(url);
		}
		catch (IllegalArgumentException ex) {
			return SendResult.failed(null, "not a valid URL: " + url);
		}
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.timeoutMillis, TimeUnit.MILLISECONDS);
		try {
			int status = this.client.execute(post, (response) -> response.getCode());
			if (status >= 200 && status < 300) {
				return SendResult.delivered(status);
			}
			if (status == 410) {
				return SendResult.gone(status);
			}
			return SendResult.failed(status, "the receiver answered HTTP " + status);
		}
		catch (IOException ex) {
			// the socket timeout and the deadline are the same: either may fire first
			boolean timedOut = post.isCancelled() || ex instanceof SocketTimeoutException;
			String reason = timedOut ? "no answer within " + this.timeoutMillis + " ms" : ex.toString();
			return SendResult.failed(null, reason);
		}
		finally {
			deadline.cancel(false);
		}
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

}
