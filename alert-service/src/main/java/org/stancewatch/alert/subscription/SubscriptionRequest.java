package org.stancewatch.alert.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Level;

/**
 * A subscription as the subscriber writes it; omitted fields take their defaults (any
 * actor, target AF, both directions, any level and act, no signals, no late news, one
 * source).
 */
record SubscriptionRequest(@Nullable @Size(max = 200) String name,
		@Nullable Set<@Pattern(regexp = "[A-Z]{2}", message = COUNTRY) String> actors,
		@Nullable @Pattern(regexp = "[A-Z]{2}", message = COUNTRY) String target, @Nullable Set<Direction> directions,
		@Nullable Set<Level> levels, @Nullable Set<Action> actions, @Nullable Boolean includeSignals,
		@Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double minConfidence,
		@Nullable @Min(1) @Max(1000) Integer minSources, @Nullable Boolean backfill, @Nullable Boolean active,
		@NotNull @Valid ChannelRequest channel) {

	static final String COUNTRY = "must be an ISO 3166-1 alpha-2 code in capitals, like RU";

	SubscriptionFilter filter() {
		return new SubscriptionFilter(orEmpty(this.actors), Objects.requireNonNullElse(this.target, "AF"),
				orEmpty(this.directions), orEmpty(this.levels), orEmpty(this.actions),
				Boolean.TRUE.equals(this.includeSignals), Objects.requireNonNullElse(this.minConfidence, 0.0),
				Objects.requireNonNullElse(this.minSources, 1), Boolean.TRUE.equals(this.backfill));
	}

	/** Checks what annotations cannot: the address the channel type needs. */
	void checkChannel(boolean allowPrivateAddresses) {
		List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
		switch (this.channel.type()) {
			case WEBHOOK, CHAT -> {
				String problem = WebhookUrls.problem(this.channel.url(), allowPrivateAddresses);
				if (problem != null) {
					problems.add(new InvalidRequest.FieldProblem("channel.url", problem));
				}
			}
			case EMAIL -> {
				if (this.channel.email() == null || this.channel.email().isBlank()) {
					problems
						.add(new InvalidRequest.FieldProblem("channel.email", "an e-mail channel needs an address"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest(problems);
		}
	}

	String address() {
		return Objects
			.requireNonNull((this.channel.type() == ChannelType.EMAIL) ? this.channel.email() : this.channel.url());
	}

	private static <T> Set<T> orEmpty(@Nullable Set<T> values) {
		return (values != null) ? values : Set.of();
	}

	/**
	 * @param type webhook, e-mail or chat
	 * @param url for webhook and chat
	 * @param email for e-mail
	 */
	record ChannelRequest(@NotNull ChannelType type, @Nullable @Size(max = 2000) String url,
			@Nullable @Email @Size(max = 320) String email) {
	}

}
