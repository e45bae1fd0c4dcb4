package org.stancewatch.alert.subscription;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem+json for every API of the service, with an {@code errors} list of
 * {@code {field, message}} when fields are wrong. It is the service's one
 * {@link ResponseEntityExceptionHandler}: while it exists Boot's own problem-details
 * handler backs off, so it must cover every controller, not only these packages.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidRequest ex) {
		return ResponseEntity.badRequest().body(invalidFields(ex.problems()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidRequest.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new InvalidRequest.FieldProblem(error.getField(),
					String.valueOf(error.getDefaultMessage())))
			.sorted(java.util.Comparator.comparing(InvalidRequest.FieldProblem::field))
			.toList();
		return ResponseEntity.badRequest().headers(headers).body(invalidFields(problems));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape");
		if (ex.getCause() instanceof DatabindException databind) {
			String field = databind.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(java.util.stream.Collectors.joining("."));
			problem.setProperty("errors",
					List.of(new InvalidRequest.FieldProblem(field, databind.getOriginalMessage())));
		}
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	private static ProblemDetail invalidFields(List<InvalidRequest.FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return problem;
	}

}
