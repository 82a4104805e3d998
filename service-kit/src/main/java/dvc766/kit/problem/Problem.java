package dvc766.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details; {@code errors} lists every failing field of a validation error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:dvc766:problem:" + kind, title, status, detail, null, null);
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem("urn:dvc766:problem:validation", "The request is not valid", 400,
                errors.size() + (errors.size() == 1 ? " field fails" : " fields fail") + " validation", null, List.copyOf(errors));
    }
}
