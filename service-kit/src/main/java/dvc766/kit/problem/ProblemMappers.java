package dvc766.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of a service into {@code application/problem+json}; nothing internal leaks. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::toFieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Problem.validation(errors));
    }

    /** Malformed JSON or a value of the wrong type: name the field by its JSON path. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "$";
        String rule = e instanceof JsonMappingException ? "type" : "json";
        String message = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
        return respond(Problem.validation(List.of(new FieldError(field.isEmpty() ? "$" : field, rule, message))));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    private static Response unauthenticated() {
        Problem p = Problem.of(401, "unauthorized", "Unauthorized", "a valid bearer token is required");
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer realm=\"dvc\"").entity(p).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "this identity may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "internal", "Internal error", "the request could not be completed; it was logged"));
    }

    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static FieldError toFieldError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // drop the method and parameter names JAX-RS puts first: "put.arg1.receivedAt" -> "receivedAt"
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
        String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldError(field, rule, v.getMessage());
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
