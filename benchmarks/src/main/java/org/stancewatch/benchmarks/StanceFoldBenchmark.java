package org.stancewatch.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.stancewatch.alert.stance.DyadHistory;
import org.stancewatch.alert.stance.Observation;
import org.stancewatch.alert.stance.StanceFold;
import org.stancewatch.alert.stance.StanceRules;
import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Dyad;
import org.stancewatch.contracts.RelationChange;

/**
 * The stance fold of one busy dyad: a neighbour reported on every few hours for four
 * years, so that its log holds thousands of acts. alert-service folds a touched dyad's
 * log once per batch ({@code foldLog}) and then each new observation onto it
 * ({@code foldBatchOf100}: the log less 100, then those 100 one at a time). A batch of
 * one onto the fold kept from the last batch costs {@code appendOneToKeptFold}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class StanceFoldBenchmark {

	private static final Dyad DYAD = new Dyad("PK", "AF");

	private static final StanceRules RULES = new StanceRules(0.6, Duration.ofDays(14));

	private static final Action[] ACTIONS = { Action.SIGN_AGREEMENT, Action.PRAISE, Action.ACCEPT_DIPLOMATS,
			Action.DELIST_TERRORIST, Action.CONDEMN, Action.IMPOSE_SANCTIONS, Action.OPEN_EMBASSY,
			Action.LIFT_SANCTIONS };

	@Param({ "1000", "10000" })
	public int observations;

	private List<Observation> log;

	@Setup
	public void setUp() {
		this.log = new ArrayList<>(this.observations);
		LocalDate start = LocalDate.of(2022, 1, 1);
		for (int i = 0; i < this.observations; i++) {
			LocalDate day = start.plusDays(i * 1_500L / this.observations);
			RelationChange change = AlertBenchmark.change("fold-" + i, DYAD.actor(), ACTIONS[i % ACTIONS.length], day,
					"outlet" + (i % 50) + ".example", day.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
			this.log.add(new Observation(i + 1, change, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
		}
	}

	@Benchmark
	public DyadHistory foldLog() {
		return StanceFold.fold(DYAD, this.log, RULES);
	}

	@Benchmark
	public DyadHistory foldBatchOf100() {
		int batchStart = this.log.size() - 100;
		StanceFold fold = StanceFold.of(DYAD, this.log.subList(0, batchStart), RULES);
		for (Observation added : this.log.subList(batchStart, this.log.size())) {
			fold.append(added);
		}
		return fold.history();
	}

	@Benchmark
	public StanceFold.Step appendOneToKeptFold(KeptFold kept) {
		return kept.fold.append(this.log.get(this.log.size() - 1));
	}

	/** A fold of the log less its last observation, new for each call. */
	@State(Scope.Thread)
	public static class KeptFold {

		StanceFold fold;

		@Setup(Level.Invocation)
		public void setUp(StanceFoldBenchmark benchmark) {
			List<Observation> log = benchmark.log;
			this.fold = StanceFold.of(DYAD, log.subList(0, log.size() - 1), RULES);
		}

	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(StanceFoldBenchmark.class.getName()).build()).run();
	}

}
