package dvc766.ingestion.store;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.PublishingDecision;
import dvc766.ingestion.domain.PublishingDecisionRules;
import dvc766.ingestion.domain.Upserts;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.domain.Violations;
import dvc766.ingestion.messaging.StateEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Applies publishing decisions, one or many, set-wise in one transaction like {@link DossierWrites}. A decision is
 * written by a caller whose unit is the issuing unit or above it, on the tree of the day the decision was signed.
 */
@ApplicationScoped
public class PublishingDecisionWrites {

    private final DataSource ds;
    private final PublishingDecisionStore decisions;
    private final UnitTree tree;
    private final SubmissionLog log;
    private final StateEvents events;
    private final IngestionConfig config;

    public PublishingDecisionWrites(DataSource ds, PublishingDecisionStore decisions, UnitTree tree, SubmissionLog log,
            StateEvents events, IngestionConfig config) {
        this.ds = ds;
        this.decisions = decisions;
        this.tree = tree;
        this.log = log;
        this.events = events;
        this.config = config;
    }

    /** Applies the items; returns {@code answer} of their results (in the order of {@code items}), committed with them. */
    public <R> R apply(Intake in, List<Item<PublishingDecision>> items, Function<List<ItemResult>, R> answer) {
        return Writes.transaction(config.conflictAttempts(), () -> applyOnce(in, items), answer, Kind.PUBLISHING_DECISION, in,
                items, log);
    }

    private List<ItemResult> applyOnce(Intake in, List<Item<PublishingDecision>> items) {
        List<ItemResult> results = new ArrayList<>(items.size());
        List<SubmissionRecord> audit = new ArrayList<>(items.size());
        List<Change<PublishingDecision>> inserts = new ArrayList<>();
        List<Change<PublishingDecision>> updates = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            Optional<Violation> denied = Writes.denied(in.caller());
            List<PublishingDecision> valid = items.stream().map(Item::state).filter(d -> d != null).toList();
            Lookup look = denied.isPresent() || valid.isEmpty() ? Lookup.EMPTY : lookup(c, in, valid);
            for (Item<PublishingDecision> item : items) {
                Verdict<PublishingDecision> v = judge(in, item, denied, look);
                if (v.effect() == Effect.CREATED) inserts.add(v.change());
                if (v.effect() == Effect.UPDATED) updates.add(v.change());
                audit.add(Writes.record(Kind.PUBLISHING_DECISION, in, item, v.status(), v.effect(), v.errors()));
                results.add(Writes.result(item, v.status(), v.effect(), v.errors()));
            }
            decisions.insert(c, inserts, in.receivedAt());
            decisions.update(c, updates, in.receivedAt());
            events.publishingDecisions(inserts);
            events.publishingDecisions(updates);
            log.insert(c, audit);
        } catch (SQLException e) {
            throw new StoreException("cannot write publishing decisions", e);
        }
        return results;
    }

    /** 400 if it did not validate, else 403 if out of the caller's scope, else 422 if implausible, else its effect. */
    private Verdict<PublishingDecision> judge(Intake in, Item<PublishingDecision> item, Optional<Violation> denied,
            Lookup look) {
        if (item.state() == null) return Verdict.rejected(400, item.errors());
        if (denied.isPresent()) return Verdict.rejected(403, List.of(denied.get()));
        PublishingDecision d = item.state();
        String prefix = item.prefix();
        Stored<PublishingDecision> old = look.existing.get(d.key());
        List<Violation> forbidden = new ArrayList<>(1);
        if (look.units.contains(d.unitCode()) && !look.inScope.contains(new UnitAt(d.unitCode(), d.signedOn()))) {
            forbidden.add(new Violation(prefix + "unitCode", "unitScope", "unit " + d.unitCode() + " is neither "
                    + in.callerUnit() + " nor below it (on " + d.signedOn() + ", the day the decision was signed)"));
        }
        if (old != null && !look.inScope.contains(new UnitAt(old.state().unitCode(), old.state().signedOn()))) {
            forbidden.add(new Violation(prefix + "number", "unitScope", "decision " + d.key()
                    + " was signed on " + old.state().signedOn() + " by a unit that was then neither "
                    + in.callerUnit() + " nor below it"));
        }
        if (!forbidden.isEmpty()) return Verdict.rejected(403, forbidden);

        Violations implausible = new Violations();
        if (!look.units.contains(d.unitCode())) {
            implausible.add(prefix + "unitCode", "knownUnit", "unit " + d.unitCode()
                    + " is not known to ingestion: an administrator registers units first");
        }
        for (int i = 0; i < d.procedures().size(); i++) {
            String code = d.procedures().get(i).procedureCode();
            if (!look.procedures.contains(code)) {
                implausible.add(prefix + "procedures[" + i + "].procedureCode", "knownProcedure", "procedure " + code
                        + " is not known: send it to PUT /api/v1/procedures/" + code + " first");
            }
        }
        PublishingDecisionRules.plausibility(d, prefix, in.receivedAt(), config.futureSkew(), config.zone(),
                implausible);
        if (!implausible.isEmpty()) return Verdict.rejected(422, implausible.list());

        Effect effect = Upserts.decide(old != null, old == null ? null : old.state().updatedAt(), d.updatedAt(),
                old != null && d.sameContentAs(old.state()));
        long revision = old == null ? 1 : old.revision() + 1;
        return Verdict.accepted(effect, effect.changesState() ? new Change<>(d, revision, item.submissionId()) : null);
    }

    private Lookup lookup(Connection c, Intake in, List<PublishingDecision> valid) {
        Map<String, Stored<PublishingDecision>> existing = decisions.lock(c, valid);
        Set<String> unitCodes = new HashSet<>();
        Set<String> procedureCodes = new HashSet<>();
        Set<UnitAt> pairs = new HashSet<>();
        for (PublishingDecision d : valid) {
            unitCodes.add(d.unitCode());
            pairs.add(new UnitAt(d.unitCode(), d.signedOn()));
            d.procedures().forEach(e -> procedureCodes.add(e.procedureCode()));
        }
        existing.values().forEach(s -> pairs.add(new UnitAt(s.state().unitCode(), s.state().signedOn())));
        UnitTree.References refs = tree.references(c, in.callerUnit(), pairs, unitCodes, procedureCodes);
        return new Lookup(existing, refs.units(), refs.procedures(), refs.inScope());
    }

    private record Lookup(Map<String, Stored<PublishingDecision>> existing, Set<String> units, Set<String> procedures,
            Set<UnitAt> inScope) {
        static final Lookup EMPTY = new Lookup(Map.of(), Set.of(), Set.of(), Set.of());
    }
}
