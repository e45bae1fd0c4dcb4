package org.stancewatch.alert.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Continues the trace a relation change carries in its {@code traceparent} header (the
 * trace of the article it was read from): folding it runs in a child span, so the log
 * lines of its append, its shifts and the deliveries they create show the article's trace
 * id.
 */
@Component
class ChangeTrace {

	static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	ChangeTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	ChangeTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	static @Nullable String traceparent(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(HEADER);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Runs {@code work} in a span continuing {@code traceparent}, or a new trace without
	 * one.
	 */
	void inSpan(@Nullable String traceparent, Runnable work) {
		Map<String, String> carrier = (traceparent != null) ? Map.of(HEADER, traceparent) : Map.of();
		Span span = this.propagator.extract(carrier, Map::get).name("fold relation change").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
