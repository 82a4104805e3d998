package dvc766.complaint.api;

import java.util.List;

public record OfficialPage(int page, int size, long total, List<OfficialItem> items) {}
