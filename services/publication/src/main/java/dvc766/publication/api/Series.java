package dvc766.publication.api;

import dvc766.common.period.Period;
import dvc766.kit.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The periods of a history series: every period of the granularity from the one holding {@code from} to the one holding {@code to}. */
final class Series {

    private Series() {}

    static List<Period> periods(Period from, Period to, Period.Kind kind, Instant now, int maxPoints, PublicQueries q) {
        Period last = to == null ? Period.containing(now, kind) : Period.containing(to.end().minusSeconds(1), kind);
        Period first;
        if (from == null) {
            first = last;
            int back = switch (kind) {
                case MONTH -> 11;
                case QUARTER -> 7;
                default -> 4;
            };
            for (int i = 0; i < back; i++) first = first.previous();
        } else {
            first = Period.containing(from.start(), kind);
        }
        List<Period> out = new ArrayList<>();
        if (first.compareTo(last) > 0) {
            q.add(new FieldError("from", "order", "from must not be after to"));
            return out;
        }
        for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
            if (out.size() == maxPoints) {
                q.add(new FieldError("to", "range", "a series spans at most " + maxPoints + " periods"));
                return out;
            }
            out.add(p);
        }
        return out;
    }
}
