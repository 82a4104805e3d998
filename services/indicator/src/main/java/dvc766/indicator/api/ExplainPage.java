package dvc766.indicator.api;

import java.util.List;

/** A page of the objects behind a unit's lost points for one indicator and period. */
public record ExplainPage(String unitCode, String period, String indicator, int page, int size, List<ExplainItem> items) {}
