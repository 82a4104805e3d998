package dvc766.publication.api;

import dvc766.publication.store.ReadModelChanges;
import dvc766.publication.store.ScorecardStore.RankingQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranking pages already serialised, per request (query, offset, page size), reused while the read models have not
 * changed since they were built ({@link ReadModelChanges}): a repeated ranking request is then a map lookup and a
 * write of bytes, with no database round trip, no JSON serialisation and almost no garbage. Bounded: past
 * {@link #MAX_ANSWERS} distinct requests the map is emptied (the next requests rebuild what they need).
 */
@ApplicationScoped
class RankingAnswers {

    static final int MAX_ANSWERS = 512;

    record Key(RankingQuery query, int offset, int limit) {}

    /** A JSON answer and its ETag, built when the read models were at {@code generation}. */
    record Answer(long generation, String etag, byte[] json) {}

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private final ReadModelChanges changes;

    RankingAnswers(ReadModelChanges changes) {
        this.changes = changes;
    }

    /** Taken before reading the read models; the answer built from them is kept under it. */
    long generation() {
        return changes.generation();
    }

    /** The kept answer if the read models did not change since it was built; else null. */
    Answer current(Key key) {
        Answer a = answers.get(key);
        long now = changes.generation();
        return a != null && now != ReadModelChanges.UNKNOWN && a.generation() == now ? a : null;
    }

    void keep(Key key, Answer answer) {
        if (answer.generation() == ReadModelChanges.UNKNOWN) return;
        if (answers.size() >= MAX_ANSWERS) answers.clear();
        answers.put(key, answer);
    }
}
