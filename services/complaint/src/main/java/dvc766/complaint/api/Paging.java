package dvc766.complaint.api;

/** page (1-based) and size of a list request, parsed from text so that a bad value is a 400 naming it; size clamped. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_PAGE = 100_000;

    static Paging of(String page, String size, int maxSize, Checks checks) {
        int p = parse("page", page, 1, checks);
        int s = parse("size", size, DEFAULT_SIZE, checks);
        if (p < 1 || p > MAX_PAGE) checks.add("page", "range", "page must be between 1 and " + MAX_PAGE);
        return new Paging(p, Math.max(1, Math.min(maxSize, s)));
    }

    private static int parse(String field, String value, int dflt, Checks checks) {
        if (value == null || value.isBlank()) return dflt;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            checks.add(field, "integer", field + " must be an integer");
            return dflt;
        }
    }
}
