package org.stancewatch.alert.stance;

import org.junit.jupiter.api.Test;

import org.stancewatch.contracts.Action;
import org.stancewatch.contracts.Direction;
import org.stancewatch.contracts.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ToneTests {

	@Test
	void everyActionHasAWeightOfItsDirectionsSign() {
		for (Action action : Action.values()) {
			double weight = Tone.weight(action, Status.COMPLETED);
			assertThat(Math.abs(weight)).as(action.name()).isBetween(1.0, 10.0);
			assertThat(weight > 0).as(action.name()).isEqualTo(action.direction() == Direction.WARMING);
		}
	}

	@Test
	void anIntentWeighsHalfTheDeed() {
		assertThat(Tone.weight(Action.CLOSE_EMBASSY, Status.INTENDED)).isEqualTo(-3.0);
	}

}
