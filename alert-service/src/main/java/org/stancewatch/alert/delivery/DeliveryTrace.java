package org.stancewatch.alert.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Carries a shift's trace (that of the article it was read from) on to its deliveries:
 * the trace context of the fold is stored with each delivery row, and sending it runs in
 * a child span whose {@code traceparent} goes out with the webhook, so a receiver logs
 * the same trace id.
 */
@Component
class DeliveryTrace {

	static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	DeliveryTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	DeliveryTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The current span's {@code traceparent}; null outside a span or with tracing off.
	 */
	@Nullable String current() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? traceparent(span) : null;
	}

	/**
	 * Runs {@code send} in a span continuing {@code traceparent} (a new trace without
	 * one), giving it the span's own {@code traceparent} to send on.
	 */
	<T> T inSpan(@Nullable String traceparent, Function<@Nullable String, T> send) {
		Map<String, String> carrier = (traceparent != null) ? Map.of(HEADER, traceparent) : Map.of();
		Span span = this.propagator.extract(carrier, Map::get).name("deliver alert").kind(Span.Kind.PRODUCER).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return send.apply(traceparent(span));
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

}
