package dvc766.complaint.api;

import java.util.List;

public record ImportRequest(List<ImportItem> items) {}
