package dvc766.ingestion.store;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Unit;
import dvc766.ingestion.domain.UnitRules;
import dvc766.ingestion.domain.Upserts;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.messaging.StateEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/** Applies an administrator's unit: its state, its dated place in the tree, its event, its audit row. */
@ApplicationScoped
public class UnitWrites {

    /**
     * The advisory lock that serialises tree changes (so two cannot form a cycle), namespaced by schema: services may
     * share one database.
     */
    private static final String TREE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/unit-tree'), 0)";

    private final DataSource ds;
    private final UnitStore units;
    private final UnitTree tree;
    private final SubmissionLog log;
    private final StateEvents events;
    private final IngestionConfig config;

    public UnitWrites(DataSource ds, UnitStore units, UnitTree tree, SubmissionLog log, StateEvents events,
            IngestionConfig config) {
        this.ds = ds;
        this.units = units;
        this.tree = tree;
        this.log = log;
        this.events = events;
        this.config = config;
    }

    public <R> R apply(Intake in, Item<Unit> item, Function<ItemResult, R> answer) {
        return Writes.transaction(config.conflictAttempts(), () -> List.of(applyOnce(in, item)),
                results -> answer.apply(results.get(0)), Kind.UNIT, in, List.of(item), log);
    }

    private ItemResult applyOnce(Intake in, Item<Unit> item) {
        int status;
        Effect effect = null;
        List<Violation> errors;
        try (Connection c = ds.getConnection()) {
            Unit u = item.state();
            if (u == null) {
                status = 400;
                errors = item.errors();
            } else {
                try (PreparedStatement ps = c.prepareStatement(TREE_LOCK)) {
                    ps.execute();
                }
                Optional<Stored<Unit>> old = units.lock(c, u.code());
                Violations implausible = new Violations();
                UnitRules.plausibility(u, in.receivedAt(), config.futureSkew(), config.zone(), implausible);
                if (u.parentCode() != null && !u.parentCode().equals(u.code())) {
                    if (tree.known(c, Set.of(u.parentCode())).isEmpty()) {
                        implausible.add("parentCode", "knownParent", "parent unit " + u.parentCode()
                                + " is not known: register it first");
                    } else if (tree.wouldCycle(c, u.code(), u.parentCode(), u.validFrom(), u.validTo())) {
                        implausible.add("parentCode", "acyclic", "unit " + u.parentCode() + " is already below "
                                + u.code() + ": " + u.code() + " would become its own ancestor");
                    }
                }
                if (!implausible.isEmpty()) {
                    status = 422;
                    errors = implausible.list();
                } else {
                    Stored<Unit> prev = old.orElse(null);
                    effect = Upserts.decide(prev != null, prev == null ? null : prev.state().updatedAt(),
                            u.updatedAt(), prev != null && u.sameContentAs(prev.state()));
                    status = effect == Effect.CREATED ? 201 : 200;
                    errors = List.of();
                    if (effect.changesState()) {
                        long revision = prev == null ? 1 : prev.revision() + 1;
                        if (prev == null) units.insert(c, u, item.submissionId(), in.receivedAt());
                        else units.update(c, u, revision, item.submissionId(), in.receivedAt());
                        if (prev == null || !samePlace(u, prev.state())) {
                            tree.placeEdge(c, u.code(), u.parentCode(), u.validFrom(), u.validTo());
                        }
                        events.unit(u, revision, tree.edges(c, u.code()));
                    }
                }
            }
            log.insert(c, List.of(Writes.record(Kind.UNIT, in, item, status, effect, errors)));
        } catch (SQLException e) {
            throw new StoreException("cannot write unit", e);
        }
        return Writes.result(item, status, effect, errors);
    }

    private static boolean samePlace(Unit a, Unit b) {
        return Objects.equals(a.parentCode(), b.parentCode()) && Objects.equals(a.validFrom(), b.validFrom())
                && Objects.equals(a.validTo(), b.validTo());
    }
}
