package dvc766.ingestion.store;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Procedure;
import dvc766.ingestion.domain.ProcedureRules;
import dvc766.ingestion.domain.Upserts;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.messaging.StateEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Applies procedures, one or many, set-wise in one transaction, like {@link DossierWrites}. A procedure may be
 * written only by a caller whose unit covers every unit that implements it, before and after the write.
 */
@ApplicationScoped
public class ProcedureWrites {

    private final DataSource ds;
    private final ProcedureStore procedures;
    private final UnitTree tree;
    private final SubmissionLog log;
    private final StateEvents events;
    private final IngestionConfig config;

    public ProcedureWrites(DataSource ds, ProcedureStore procedures, UnitTree tree, SubmissionLog log,
            StateEvents events, IngestionConfig config) {
        this.ds = ds;
        this.procedures = procedures;
        this.tree = tree;
        this.log = log;
        this.events = events;
        this.config = config;
    }

    public <R> R apply(Intake in, List<Item<Procedure>> items, Function<List<ItemResult>, R> answer) {
        return Writes.transaction(config.conflictAttempts(), () -> applyOnce(in, items), answer, Kind.PROCEDURE, in,
                items, log);
    }

    private List<ItemResult> applyOnce(Intake in, List<Item<Procedure>> items) {
        List<ItemResult> results = new ArrayList<>(items.size());
        List<SubmissionRecord> audit = new ArrayList<>(items.size());
        List<Change<Procedure>> inserts = new ArrayList<>();
        List<Change<Procedure>> updates = new ArrayList<>();
        // the catalogue is current: scope is judged on the tree as it stands today
        LocalDate today = LocalDate.ofInstant(in.receivedAt(), config.zone());
        try (Connection c = ds.getConnection()) {
            Optional<Violation> denied = Writes.denied(in.caller());
            List<Procedure> valid = items.stream().map(Item::state).filter(p -> p != null).toList();
            Map<String, Stored<Procedure>> existing = new HashMap<>();
            Set<String> known = Set.of();
            Set<String> inScope = Set.of();
            if (denied.isEmpty() && !valid.isEmpty()) {
                existing = procedures.lock(c, valid.stream().map(Procedure::code).toList());
                Set<String> units = new HashSet<>();
                valid.forEach(p -> units.addAll(p.unitCodes()));
                existing.values().forEach(s -> units.addAll(s.state().unitCodes()));
                known = tree.known(c, units);
                inScope = new HashSet<>();
                for (UnitAt u : tree.within(c, in.callerUnit(), units.stream().map(u -> new UnitAt(u, today)).toList())) {
                    inScope.add(u.unitCode());
                }
            }
            for (Item<Procedure> item : items) {
                Verdict<Procedure> v = judge(in, item, denied, existing, known, inScope);
                if (v.effect() == Effect.CREATED) inserts.add(v.change());
                if (v.effect() == Effect.UPDATED) updates.add(v.change());
                audit.add(Writes.record(Kind.PROCEDURE, in, item, v.status(), v.effect(), v.errors()));
                results.add(Writes.result(item, v.status(), v.effect(), v.errors()));
            }
            procedures.insert(c, inserts, in.receivedAt());
            procedures.update(c, updates, in.receivedAt());
            events.procedures(inserts);
            events.procedures(updates);
            log.insert(c, audit);
        } catch (SQLException e) {
            throw new StoreException("cannot write procedures", e);
        }
        return results;
    }

    /** 400 if it did not validate, else 403 if out of the caller's scope, else 422 if implausible, else its effect. */
    private Verdict<Procedure> judge(Intake in, Item<Procedure> item, Optional<Violation> denied,
            Map<String, Stored<Procedure>> existing, Set<String> known, Set<String> inScope) {
        if (item.state() == null) return Verdict.rejected(400, item.errors());
        if (denied.isPresent()) return Verdict.rejected(403, List.of(denied.get()));
        Procedure p = item.state();
        Stored<Procedure> old = existing.get(p.code());
        String prefix = item.prefix();
        TreeSet<String> unknown = new TreeSet<>();
        TreeSet<String> outside = new TreeSet<>();
        for (String u : p.unitCodes()) {
            if (!known.contains(u)) unknown.add(u);
            else if (!inScope.contains(u)) outside.add(u);
        }
        List<Violation> forbidden = new ArrayList<>();
        if (!outside.isEmpty()) {
            forbidden.add(new Violation(prefix + "unitCodes", "unitScope", "units " + outside + " are neither "
                    + in.callerUnit() + " nor below it"));
        }
        if (old != null) {
            TreeSet<String> oldOutside = new TreeSet<>(old.state().unitCodes());
            oldOutside.removeAll(inScope);
            if (!oldOutside.isEmpty()) {
                forbidden.add(new Violation(prefix + "code", "unitScope", "procedure " + p.code()
                        + " is implemented by units " + oldOutside + ", which are neither " + in.callerUnit()
                        + " nor below it"));
            }
        }
        if (!forbidden.isEmpty()) return Verdict.rejected(403, forbidden);

        Violations implausible = new Violations();
        if (!unknown.isEmpty()) {
            implausible.add(prefix + "unitCodes", "knownUnit", "units " + unknown
                    + " are not known to ingestion: an administrator registers units first");
        }
        ProcedureRules.plausibility(p, prefix, in.receivedAt(), config.futureSkew(), implausible);
        if (!implausible.isEmpty()) return Verdict.rejected(422, implausible.list());

        Effect effect = Upserts.decide(old != null, old == null ? null : old.state().updatedAt(), p.updatedAt(),
                old != null && p.sameContentAs(old.state()));
        long revision = old == null ? 1 : old.revision() + 1;
        return Verdict.accepted(effect, effect.changesState() ? new Change<>(p, revision, item.submissionId()) : null);
    }
}
