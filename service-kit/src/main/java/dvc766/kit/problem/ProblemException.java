package dvc766.kit.problem;

import java.util.List;

/** Thrown by domain and API code to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() { return problem; }

    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(Problem.validation(errors));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException unprocessable(String kind, String detail) {
        return new ProblemException(Problem.of(422, kind, "Unprocessable content", detail));
    }
}
