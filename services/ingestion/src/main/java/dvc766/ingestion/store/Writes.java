package dvc766.ingestion.store;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Outcome;
import dvc766.ingestion.domain.Violation;
import dvc766.kit.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** What every write path does the same way: who may write, how outcomes are recorded, how conflicts are retried. */
final class Writes {

    private static final Logger LOG = Logger.getLogger(Writes.class);
    static final String AGENCY_ROLE = "agency";

    private Writes() {}

    /** Fail closed: an agency write needs the {@code agency} role and a unit in the token. */
    static Optional<Violation> denied(Caller caller) {
        if (!caller.hasRole(AGENCY_ROLE)) {
            return Optional.of(new Violation("$", "agencyRole", "this identity has no role '" + AGENCY_ROLE
                    + "': only agency systems write agency data"));
        }
        if (caller.unitCode().isEmpty()) {
            return Optional.of(new Violation("$", "unitScope",
                    "the token carries no unit_code, so it may write for no unit"));
        }
        return Optional.empty();
    }

    static SubmissionRecord record(Kind kind, Intake in, Item<?> item, int status, Effect effect, List<Violation> errors) {
        return new SubmissionRecord(item.submissionId(), kind, item.key(), in.clientId(), in.caller().subject(),
                in.callerUnit(), in.receivedAt(), in.batchId(), item.index(), item.payload().sha256(),
                item.payload().json(), item.payload().text(), effect == null ? Outcome.REJECTED : Outcome.ACCEPTED,
                effect, status, errors);
    }

    static ItemResult result(Item<?> item, int status, Effect effect, List<Violation> errors) {
        return new ItemResult(item.index(), item.key(), item.submissionId(), status,
                effect == null ? Outcome.REJECTED : Outcome.ACCEPTED, effect, errors);
    }

    /**
     * Runs {@code work} in a new transaction and turns its results into the request's {@code answer}, which is stored
     * under the request's Idempotency-Key (if it holds one) in that same transaction. When a concurrent request created
     * one of the same objects first (unique key), runs it again, now as an update. If it fails otherwise, every item is
     * recorded as rejected (status 500) in a transaction of its own and the failure is rethrown.
     */
    static <R> R transaction(int attempts, Supplier<List<ItemResult>> work, Function<List<ItemResult>, R> answer,
            Kind kind, Intake in, List<? extends Item<?>> items, SubmissionLog log) {
        for (int attempt = 1; ; attempt++) {
            try {
                R r = QuarkusTransaction.requiringNew().call(() -> {
                    R a = answer.apply(work.get());
                    in.claim().storeWithWrite(a, in.receivedAt());
                    return a;
                });
                in.claim().afterCommit();
                return r;
            } catch (RuntimeException e) {
                in.claim().afterRollback();
                if (attempt < attempts && StoreException.isUniqueViolation(e)) {
                    LOG.debugf("write conflict on attempt %d, retrying", attempt);
                    continue;
                }
                recordFailure(kind, in, items, log, e);
                throw e;
            }
        }
    }

    private static void recordFailure(Kind kind, Intake in, List<? extends Item<?>> items, SubmissionLog log,
            RuntimeException cause) {
        List<Violation> errors = List.of(new Violation("$", "internal",
                "the write failed and nothing was stored; send it again later"));
        try {
            log.insertInOwnTransaction(items.stream().map(i -> record(kind, in, i, 500, null, errors)).toList());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
