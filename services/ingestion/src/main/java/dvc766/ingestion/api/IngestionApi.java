package dvc766.ingestion.api;

import dvc766.kit.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's frame, and the problem responses every operation refers to. */
@OpenAPIDefinition(
        info = @Info(title = "dvc766 ingestion API", version = "1",
                description = "Agency writes of units, procedures, publishing decisions and dossiers. Every write is validated, scoped to the "
                        + "caller's units, recorded in an append-only audit, and answered 2xx only once committed; "
                        + "each change is announced on Kafka through a transactional outbox."),
        tags = {
                @Tag(name = "Units", description = "The unit tree (administrators)."),
                @Tag(name = "Procedures", description = "The procedure (TTHC) catalogue and its implementing units."),
                @Tag(name = "Dossiers", description = "Dossiers (hồ sơ) and their current state."),
                @Tag(name = "Publishing decisions",
                        description = "Publishing decisions (quyết định công bố, QĐCB) and the procedures they publish."),
                @Tag(name = "Submissions", description = "What became of each submitted object.")},
        components = @Components(parameters = {
                @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
                        description = "Optional key (1 to 255 printable ASCII characters) that makes a retry safe: a "
                                + "second request of the same client to the same method and path with this key and the "
                                + "same body is answered with the stored first answer (header Idempotent-Replayed: true) "
                                + "and writes nothing; with another body 422, while the first is still running 409. "
                                + "Keys are kept 24 hours.",
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                minLength = 1, maxLength = 255, pattern = "^[\\x20-\\x7E]+$"))},
                responses = {
                @APIResponse(name = "Invalid", responseCode = "400",
                        description = "The request is not valid: every bad field is named with its JSON path and rule.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthorized", responseCode = "401",
                        description = "No valid bearer token (missing, expired, wrong issuer or audience, bad signature).",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403",
                        description = "The caller may not write this: a unit outside its own, no unit in the token, or a missing role.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "No such object for this caller.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooLarge", responseCode = "413",
                        description = "The body exceeds dvc.ingestion.max-body-size (2 MB).",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                        description = "The body is not application/json.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Implausible", responseCode = "422",
                        description = "Well-formed but implausible: unknown unit or procedure, a time in the future, "
                                + "an end before the start, a unit made its own ancestor; or an Idempotency-Key already used for "
                                + "another body.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "IdempotencyInFlight", responseCode = "409",
                        description = "A request with the same Idempotency-Key is still being processed.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "IdempotencyKeyReused", responseCode = "422",
                        description = "The Idempotency-Key was already used for another body.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
public class IngestionApi extends Application {}
