package dvc766.ingestion.store;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Dossier;
import dvc766.ingestion.domain.DossierRules;
import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Upserts;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.messaging.StateEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Applies dossiers, one or a thousand, set-wise in one transaction: two lookup queries (the existing dossiers,
 * locked; then the known units and procedures with the caller's scope in one statement), then batched inserts,
 * updates, outbox rows and audit rows.
 * Each item is accepted or rejected on its own; nothing is stored for a rejected item but its audit row.
 */
@ApplicationScoped
public class DossierWrites {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DossierWrites.class);

    private final DataSource ds;
    private final DossierStore dossiers;
    private final UnitTree tree;
    private final SubmissionLog log;
    private final StateEvents events;
    private final IngestionConfig config;

    public DossierWrites(DataSource ds, DossierStore dossiers, UnitTree tree, SubmissionLog log, StateEvents events,
            IngestionConfig config) {
        this.ds = ds;
        this.dossiers = dossiers;
        this.tree = tree;
        this.log = log;
        this.events = events;
        this.config = config;
    }

    /** Applies the items; returns {@code answer} of their results (in the order of {@code items}), committed with them. */
    public <R> R apply(Intake in, List<Item<Dossier>> items, Function<List<ItemResult>, R> answer) {
        return Writes.transaction(config.conflictAttempts(), () -> applyOnce(in, items), answer, Kind.DOSSIER, in,
                items, log);
    }

    private List<ItemResult> applyOnce(Intake in, List<Item<Dossier>> items) {
        List<ItemResult> results = new ArrayList<>(items.size());
        List<SubmissionRecord> audit = new ArrayList<>(items.size());
        List<Change<Dossier>> inserts = new ArrayList<>();
        List<Change<Dossier>> updates = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            Optional<Violation> denied = Writes.denied(in.caller());
            List<Dossier> valid = items.stream().map(Item::state).filter(d -> d != null).toList();
            Lookup look = denied.isPresent() || valid.isEmpty() ? Lookup.EMPTY : lookup(c, in, valid);
            long t1 = System.nanoTime();

            for (Item<Dossier> item : items) {
                Verdict<Dossier> v = judge(in, item, denied, look);
                if (v.effect() == Effect.CREATED) inserts.add(v.change());
                if (v.effect() == Effect.UPDATED) updates.add(v.change());
                audit.add(Writes.record(Kind.DOSSIER, in, item, v.status(), v.effect(), v.errors()));
                results.add(Writes.result(item, v.status(), v.effect(), v.errors()));
            }
            long t2 = System.nanoTime();
            dossiers.insert(c, inserts, in.receivedAt());
            dossiers.update(c, updates, in.receivedAt());
            long t3 = System.nanoTime();
            events.dossiers(inserts);
            events.dossiers(updates);
            long t4 = System.nanoTime();
            log.insert(c, audit);
            long t5 = System.nanoTime();
            LOG.debugf("%d dossiers: lookup %d ms, decide %d ms, state %d ms, outbox %d ms, audit %d ms", items.size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                    (t5 - t4) / 1_000_000);
        } catch (SQLException e) {
            throw new StoreException("cannot write dossiers", e);
        }
        return results;
    }

    /** 400 if it did not validate, else 403 if out of the caller's scope, else 422 if implausible, else its effect. */
    private Verdict<Dossier> judge(Intake in, Item<Dossier> item, Optional<Violation> denied, Lookup look) {
        if (item.state() == null) return Verdict.rejected(400, item.errors());
        if (denied.isPresent()) return Verdict.rejected(403, List.of(denied.get()));
        Dossier d = item.state();
        Stored<Dossier> old = look.existing.get(d.code());
        List<Violation> forbidden = scope(in, item.prefix(), d, old, look);
        if (!forbidden.isEmpty()) return Verdict.rejected(403, forbidden);

        Violations implausible = new Violations();
        if (!look.units.contains(d.unitCode())) {
            implausible.add(item.prefix() + "unitCode", "knownUnit", "unit " + d.unitCode()
                    + " is not known to ingestion: an administrator registers units first");
        }
        if (!look.procedures.contains(d.procedureCode())) {
            implausible.add(item.prefix() + "procedureCode", "knownProcedure", "procedure " + d.procedureCode()
                    + " is not known: send it to PUT /api/v1/procedures/" + d.procedureCode() + " first");
        }
        DossierRules.plausibility(d, item.prefix(), in.receivedAt(), config.futureSkew(), implausible);
        if (!implausible.isEmpty()) return Verdict.rejected(422, implausible.list());

        Effect effect = Upserts.decide(old != null, old == null ? null : old.state().updatedAt(), d.updatedAt(),
                old != null && d.sameContentAs(old.state()));
        long revision = old == null ? 1 : old.revision() + 1;
        return Verdict.accepted(effect, effect.changesState() ? new Change<>(d, revision, item.submissionId()) : null);
    }

    /** Fail closed: the dossier's unit, and the unit it belonged to if it exists, must be within the caller's. */
    private List<Violation> scope(Intake in, String prefix, Dossier d, Stored<Dossier> old, Lookup look) {
        List<Violation> out = new ArrayList<>(1);
        String caller = in.callerUnit();
        if (look.units.contains(d.unitCode()) && !look.inScope.contains(at(d.unitCode(), d.receivedAt()))) {
            out.add(new Violation(prefix + "unitCode", "unitScope", "unit " + d.unitCode() + " is neither " + caller
                    + " nor below it (on " + day(d.receivedAt()) + ", the day the dossier was received)"));
        }
        if (old != null && !look.inScope.contains(at(old.state().unitCode(), old.state().receivedAt()))) {
            out.add(new Violation(prefix + "code", "unitScope", "dossier " + d.code() + " belongs to unit "
                    + old.state().unitCode() + ", which is neither " + caller + " nor below it"));
        }
        return out;
    }

    private Lookup lookup(Connection c, Intake in, List<Dossier> valid) {
        Map<String, Stored<Dossier>> existing = dossiers.lock(c, valid.stream().map(Dossier::code).toList());
        Set<String> unitCodes = new HashSet<>();
        Set<UnitAt> pairs = new HashSet<>();
        for (Dossier d : valid) {
            unitCodes.add(d.unitCode());
            pairs.add(at(d.unitCode(), d.receivedAt()));
        }
        for (Stored<Dossier> s : existing.values()) {
            pairs.add(at(s.state().unitCode(), s.state().receivedAt()));
        }
        UnitTree.References refs = tree.references(c, in.callerUnit(), pairs, unitCodes,
                valid.stream().map(Dossier::procedureCode).toList());
        return new Lookup(existing, refs.units(), refs.procedures(), refs.inScope());
    }

    private UnitAt at(String unit, Instant t) {
        return new UnitAt(unit, day(t));
    }

    private LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, config.zone());
    }

    private record Lookup(Map<String, Stored<Dossier>> existing, Set<String> units, Set<String> procedures,
            Set<UnitAt> inScope) {
        static final Lookup EMPTY = new Lookup(Map.of(), Set.of(), Set.of(), Set.of());
    }
}
