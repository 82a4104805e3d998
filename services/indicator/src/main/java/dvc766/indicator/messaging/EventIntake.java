package dvc766.indicator.messaging;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.ComplaintData;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ProcedureData;
import dvc766.contracts.events.UnitData;
import dvc766.indicator.config.IndicatorConfig;
import dvc766.indicator.domain.RuleSetValidator;
import dvc766.kit.events.EventJson;
import dvc766.kit.inbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the fact topics in batches, at least once, with an exactly-once effect: each batch is one transaction that
 * records the event ids ({@link ProcessedEvents#firstTime}) together with the facts, counters and score events they
 * cause. A malformed event is kept aside ({@link ProcessedEvents#reject}) and never stops the stream; if a batch
 * fails, its events are retried one by one so that one bad event cannot hold back the others.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final IndicatorEngine engine;
    private final ProcessedEvents processed;
    private final IndicatorConfig config;
    private final MeterRegistry meters;

    public EventIntake(IndicatorEngine engine, ProcessedEvents processed, IndicatorConfig config, MeterRegistry meters) {
        this.engine = engine;
        this.processed = processed;
        this.config = config;
        this.meters = meters;
    }

    @Incoming("units")
    @Blocking
    public void units(ConsumerRecords<String, String> records) {
        handle(records, EventType.UNIT_UPSERTED, UnitData.class, EventIntake::problem, engine::applyUnits);
    }

    @Incoming("procedures")
    @Blocking
    public void procedures(ConsumerRecords<String, String> records) {
        handle(records, EventType.PROCEDURE_UPSERTED, ProcedureData.class, EventIntake::problem, engine::applyProcedures);
    }

    @Incoming("dossiers")
    @Blocking
    public void dossiers(ConsumerRecords<String, String> records) {
        handle(records, EventType.DOSSIER_UPSERTED, DossierData.class, EventIntake::problem, engine::applyDossiers);
    }

    @Incoming("complaints")
    @Blocking
    public void complaints(ConsumerRecords<String, String> records) {
        handle(records, EventType.COMPLAINT_UPSERTED, ComplaintData.class, EventIntake::problem, engine::applyPetitions);
    }

    @Incoming("decisions")
    @Blocking
    public void decisions(ConsumerRecords<String, String> records) {
        handle(records, EventType.PUBLISHING_DECISION_UPSERTED, PublishingDecisionData.class, EventIntake::problem, engine::applyDecisions);
    }

    private record Parsed<T>(ConsumerRecord<String, String> record, CloudEvent<T> event) {}

    <T> void handle(ConsumerRecords<String, String> records, EventType type, Class<T> dataType, Function<T, String> check,
            Consumer<List<T>> apply) {
        Timer.Sample sample = Timer.start(meters);
        List<Parsed<T>> valid = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                CloudEvent<T> e = EventJson.read(r.value(), dataType);
                String problem = envelopeProblem(e, type);
                if (problem == null) problem = check.apply(e.data());
                if (problem != null) reject(r, problem);
                else valid.add(new Parsed<>(r, e));
            } catch (RuntimeException ex) {
                reject(r, ex.getMessage() == null ? ex.toString() : ex.getMessage());
            }
        }
        if (valid.isEmpty()) return;
        try {
            QuarkusTransaction.requiringNew().run(() -> applyFresh(valid, apply));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d %s events failed (%s); applying them one by one", valid.size(), type.type(), rootMessage(batchFailure));
            for (Parsed<T> p : valid) applyAlone(p, apply);
        }
        sample.stop(meters.timer("dvc.indicator.intake.batch", "topic", type.topic()));
    }

    private <T> void applyAlone(Parsed<T> p, Consumer<List<T>> apply) {
        int attempts = Math.max(1, config.intake().attempts());
        for (int i = 1; ; i++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyFresh(List.of(p), apply));
                return;
            } catch (RuntimeException e) {
                boolean rejected = causedBy(e, RejectedEventException.class);
                if (rejected || i >= attempts) {
                    reject(p.record(), rootMessage(e));
                    return;
                }
                sleep(config.intake().retryBackoff().toMillis() * i);
            }
        }
    }

    private <T> void applyFresh(List<Parsed<T>> events, Consumer<List<T>> apply) {
        List<T> fresh = new ArrayList<>();
        for (Parsed<T> p : events) {
            if (processed.firstTime(config.consumerName(), p.event().id())) fresh.add(p.event().data());
        }
        if (!fresh.isEmpty()) apply.accept(fresh);
    }

    private void reject(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("event rejected from %s (key %s): %s", r.topic(), r.key(), reason);
        meters.counter("dvc.indicator.intake.rejected", "topic", r.topic()).increment();
        try {
            processed.reject(config.consumerName(), r.topic(), r.key(), r.value() == null ? "" : r.value(), reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not keep the rejected event from %s (key %s)", r.topic(), r.key());
        }
    }

    static String envelopeProblem(CloudEvent<?> e, EventType expected) {
        if (e == null) return "empty event";
        if (e.id() == null || e.id().isBlank()) return "id: required";
        if (!expected.type().equals(e.type())) return "type: expected " + expected.type() + ", got " + e.type();
        if (e.data() == null) return "data: required";
        return null;
    }

    static String problem(UnitData u) {
        List<String> p = new ArrayList<>();
        if (blank(u.code())) p.add("data.code: required");
        if (u.level() == null || !RuleSetValidator.KNOWN_LEVELS.contains(u.level())) p.add("data.level: one of " + RuleSetValidator.KNOWN_LEVELS);
        if (u.code() != null && u.code().equals(u.parentCode())) p.add("data.parentCode: a unit cannot be its own parent");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    static String problem(ProcedureData d) {
        List<String> p = new ArrayList<>();
        if (blank(d.code())) p.add("data.code: required");
        if (d.updatedAt() == null) p.add("data.updatedAt: required");
        if (d.legalTime() != null && (d.legalTime().amount() < 0 || !List.of("HOURS", "DAYS", "WORKING_DAYS", "MONTHS").contains(d.legalTime().unit()))) {
            p.add("data.legalTime: amount ≥ 0 and unit one of HOURS, DAYS, WORKING_DAYS, MONTHS");
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    static String problem(DossierData d) {
        List<String> p = new ArrayList<>();
        if (blank(d.code())) p.add("data.code: required");
        if (blank(d.unitCode())) p.add("data.unitCode: required");
        if (blank(d.procedureCode())) p.add("data.procedureCode: required");
        if (d.receivedAt() == null) p.add("data.receivedAt: required");
        if (d.updatedAt() == null) p.add("data.updatedAt: required");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    static String problem(ComplaintData c) {
        List<String> p = new ArrayList<>();
        if (blank(c.id())) p.add("data.id: required");
        if (blank(c.unitCode())) p.add("data.unitCode: required");
        if (c.receivedAt() == null) p.add("data.receivedAt: required");
        if (c.updatedAt() == null) p.add("data.updatedAt: required");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    static String problem(PublishingDecisionData d) {
        List<String> p = new ArrayList<>();
        if (blank(d.unitCode())) p.add("data.unitCode: required");
        if (blank(d.number())) p.add("data.number: required");
        if (d.signedOn() == null) p.add("data.signedOn: required");
        if (d.updatedAt() == null) p.add("data.updatedAt: required");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
