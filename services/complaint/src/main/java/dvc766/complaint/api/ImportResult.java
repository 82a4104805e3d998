package dvc766.complaint.api;

import dvc766.kit.problem.FieldError;
import java.util.List;

/** The outcome of one imported item: its HTTP-like status, the effect when accepted, the errors when not. */
public record ImportResult(int index, String key, int status, String effect, List<FieldError> errors) {}
