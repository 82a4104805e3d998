package dvc766.complaint.api;

import java.util.List;

public record ImportResponse(List<ImportResult> results) {}
