package dvc766.complaint.api;

import java.util.List;

public record OpenDataPage(int page, int size, long total, List<OpenDataItem> items) {}
