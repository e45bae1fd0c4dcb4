package org.stancewatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Continues the trace a Kafka record carries in its W3C {@code traceparent} header: the
 * work on the record runs in a child span, so its log lines show the record's trace id,
 * and it gets the span's own {@code traceparent} to pass on (in the records it produces,
 * the rows it stores, the webhooks it sends). A record without the header starts a new
 * trace. With tracing off, spans are no-ops and no {@code traceparent} is passed on.
 * <p>
 * A service registers it with {@code @Import(RecordTraces.class)}.
 */
public class RecordTraces {

	public static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	@Autowired
	public RecordTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	public RecordTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The {@code traceparent} header of a record; null without one. */
	public static @Nullable String traceparent(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(HEADER);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * The current span's {@code traceparent}; null outside a span or with tracing off.
	 */
	public @Nullable String current() {
		Span span = this.tracer.currentSpan();
		return (span != null) ? traceparent(span) : null;
	}

	/**
	 * Runs {@code work} in a span named {@code name} continuing {@code traceparent} (a
	 * new trace without one).
	 */
	public void inSpan(@Nullable String traceparent, String name, Runnable work) {
		inSpan(traceparent, name, (own) -> {
			work.run();
			return null;
		});
	}

	/**
	 * Runs {@code work} in a span named {@code name} continuing {@code traceparent} (a
	 * new trace without one), giving it the span's own {@code traceparent} to send on.
	 */
	public <T> T inSpan(@Nullable String traceparent, String name, Function<@Nullable String, T> work) {
		Map<String, String> carrier = (traceparent != null) ? Map.of(HEADER, traceparent) : Map.of();
		Span span = this.propagator.extract(carrier, Map::get).name(name).start();
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

}
