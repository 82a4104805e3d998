package dvc766.ingestion.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BatchResponse", description = "One result per item, in the order of the request.")
public record BatchResponse(@Schema(required = true) List<BatchItemResult> results) {}
