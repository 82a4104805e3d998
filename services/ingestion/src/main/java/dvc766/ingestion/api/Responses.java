package dvc766.ingestion.api;

import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.store.ItemResult;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps write results to HTTP: receipts for accepted objects, problem+json naming the submission for rejected ones. */
final class Responses {

    static final String SUBMISSIONS = "/api/v1/submissions/";

    private Responses() {}

    static Response single(Kind kind, ItemResult r, Instant receivedAt) {
        if (r.effect() != null) {
            return Response.status(r.status())
                    .entity(new SubmissionReceipt(r.submissionId(), kind, r.key(), r.outcome(), r.effect(), utc(receivedAt)))
                    .build();
        }
        return ProblemMappers.respond(problem(r.status(), r.errors(), r.submissionId()));
    }

    static Problem problem(int status, List<Violation> errors, UUID submissionId) {
        List<FieldError> fields = fieldErrors(errors);
        String instance = SUBMISSIONS + submissionId;
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return switch (status) {
            case 400 -> {
                Problem p = Problem.validation(fields);
                yield new Problem(p.type(), p.title(), 400, p.detail(), instance, fields);
            }
            case 403 -> new Problem("urn:dvc766:problem:forbidden", "Forbidden", 403, detail, instance, fields);
            case 422 -> new Problem("urn:dvc766:problem:implausible", "Unprocessable content", 422, detail, instance, fields);
            default -> new Problem("urn:dvc766:problem:internal", "Internal error", status, detail, instance, fields);
        };
    }

    /** The answer to a batch: 200 with one result per item, in the order of the request. */
    static Response batch(List<ItemResult> results) {
        return Response.ok(new BatchResponse(results.stream().map(Responses::batchItem).toList())).build();
    }

    static BatchItemResult batchItem(ItemResult r) {
        return new BatchItemResult(r.index(), r.key(), r.status(), r.submissionId(), r.effect(), fieldErrors(r.errors()));
    }

    static List<FieldError> fieldErrors(List<Violation> errors) {
        return errors.stream().map(e -> new FieldError(e.field(), e.rule(), e.message())).toList();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
