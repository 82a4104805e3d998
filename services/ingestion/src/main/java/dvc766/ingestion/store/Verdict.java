package dvc766.ingestion.store;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Violation;
import java.util.List;

/** What is decided for one item: the status it earns, its effect or its errors, and the change to write if any. */
record Verdict<T>(int status, Effect effect, List<Violation> errors, Change<T> change) {

    static <T> Verdict<T> rejected(int status, List<Violation> errors) {
        return new Verdict<>(status, null, errors, null);
    }

    /** An accepted item; {@code change} is null unless the effect changes the stored state. */
    static <T> Verdict<T> accepted(Effect effect, Change<T> change) {
        return new Verdict<>(effect == Effect.CREATED ? 201 : 200, effect, List.of(), change);
    }
}
