package dvc766.indicator.api;

/** What {@code PUT /api/v1/admin/holidays/{year}} did: the year's new revision and how many objects it made due for re-evaluation. */
public record HolidayReplacedResponse(int year, long revision, int madeDue) {}
