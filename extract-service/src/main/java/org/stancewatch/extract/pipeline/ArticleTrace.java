package org.stancewatch.extract.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Continues the trace an article record carries in its {@code traceparent} header: the
 * work on the article runs in a child span, so its log lines show the trace id, and its
 * relation changes carry that span on to alert-service. A record without the header
 * starts a new trace.
 */
@Component
class ArticleTrace {

	static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	ArticleTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	ArticleTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Runs {@code work} in a span continuing the record's trace, giving it the span's own
	 * {@code traceparent} (null when tracing is off) for the records it produces.
	 */
	<T> T inSpan(ConsumerRecord<?, ?> record, Function<@Nullable String, T> work) {
		Span span = this.propagator.extract(record.headers(), ArticleTrace::lastValue)
			.name("extract article")
			.kind(Span.Kind.CONSUMER)
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.apply(traceparent(span));
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private @Nullable String traceparent(Span span) {
		if (span.isNoop()) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(HEADER);
	}

	private static @Nullable String lastValue(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
