package org.stancewatch.ingest.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The W3C trace context of the work that queues a message. The outbox keeps it with the
 * message and the relay sends it as the record's {@code traceparent} header, so one
 * article's trace continues in extract- and alert-service however late it is relayed.
 */
@Component
class TraceParent {

	static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	TraceParent(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	/** The current span's {@code traceparent}, or null outside any span. */
	@Nullable String current() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(context, carrier, Map::put);
		return carrier.get(HEADER);
	}

}
