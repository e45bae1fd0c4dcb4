package org.stancewatch.alert.subscription;

import java.util.List;

/**
 * A request that binds but makes no sense; answered as problem+json with field errors.
 */
public class InvalidRequest extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequest(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * @param field path of the field in the request body
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
