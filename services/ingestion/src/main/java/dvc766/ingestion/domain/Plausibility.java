package dvc766.ingestion.domain;

import java.time.Duration;
import java.time.Instant;

final class Plausibility {

    private Plausibility() {}

    /** A fact dated after the moment it reached us (beyond the clock skew tolerated) has not happened yet. */
    static void notInFuture(Instant t, String field, Instant now, Duration skew, Violations v) {
        if (t != null && t.isAfter(now.plus(skew))) {
            v.add(field, "notInFuture", "lies in the future: " + t + " is more than " + human(skew)
                    + " after the submission was received (" + now + ")");
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " minutes" : s + " seconds";
    }
}
