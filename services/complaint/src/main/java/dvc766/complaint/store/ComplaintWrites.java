package dvc766.complaint.store;

import dvc766.complaint.domain.Action;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.Rating;
import dvc766.complaint.domain.Timing;
import dvc766.complaint.domain.TrackingCodes;
import dvc766.complaint.domain.Transitions;
import dvc766.complaint.messaging.ComplaintEvents;
import dvc766.complaint.store.ActionLog.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every change of a PAKN goes through here, in one transaction: the new state, its deadlines evaluated now, the audit
 * row with who did it, and the event in the outbox. {@code updatedAt} and {@code revision} grow strictly per PAKN, so
 * consumers that keep the newest state never drop a change.
 */
@ApplicationScoped
public class ComplaintWrites {

    /** What a citizen's new PAKN carries besides its timed state. */
    public record Submission(Complaint complaint, String text, String fingerprint, String contactJson) {}

    public record Created(String trackingCode, String secret, StoredComplaint stored) {}

    /** Texts an action adds: the answer, a refusal reason, what information is asked for or was given. */
    public record ActionTexts(String answer, String reason, String note) {}

    private final ComplaintStore store;
    private final ContactStore contacts;
    private final ActionLog log;
    private final ComplaintEvents events;
    private final WorkingDays workingDays;
    private final Clock clock;

    public ComplaintWrites(ComplaintStore store, ContactStore contacts, ActionLog log, ComplaintEvents events,
            WorkingDays workingDays, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.log = log;
        this.events = events;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Created submit(Submission s, Instant at) {
        String secret = TrackingCodes.newSecret();
        Timing timing = workingDays.deadlines().at(s.complaint(), at);
        StoredComplaint stored = new StoredComplaint(s.complaint(), 0, 1, at, null, !timing.onTime(), timing.answerBy(),
                timing.nextCheckAt(), s.text(), null, null, null, null, TrackingCodes.hash(secret), null);
        store.insert(stored, s.fingerprint());
        if (s.contactJson() != null) contacts.put(s.complaint().id(), s.contactJson());
        log.record(s.complaint().id(), "SUBMIT", at, Actor.CITIZEN, null, stored.complaint().status().name(),
                details("unitCode", s.complaint().unitCode(), "category", s.complaint().category().name(),
                        "contact", s.contactJson() != null));
        events.announce(stored);
        return new Created(s.complaint().id(), secret, stored);
    }

    /** An official's action on a locked PAKN; throws IllegalTransitionException when the state does not allow it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredComplaint act(StoredComplaint before, Action action, String toUnit, ActionTexts texts, Actor actor) {
        Instant at = now();
        Complaint next = Transitions.apply(before.complaint(), action, at, toUnit);
        StoredComplaint s = new StoredComplaint(next, before.ref(), before.revision(), before.updatedAt(),
                before.sourceUpdatedAt(), before.overdue(), before.answerDueAt(), before.nextCheckAt(), before.text(),
                action == Action.ANSWER ? texts.answer() : before.answer(),
                action == Action.REFUSE ? texts.reason() : before.refusalReason(),
                action == Action.REQUEST_INFO ? texts.note() : before.infoNote(),
                before.raisedAgainText(), before.secretHash(), before.personalDataErasedAt());
        Map<String, Object> details = new LinkedHashMap<>();
        if (toUnit != null) details.put("toUnitCode", toUnit);
        if (action == Action.REFUSE) details.put("reason", texts.reason());
        if (action == Action.REQUEST_INFO) details.put("note", texts.note());
        StoredComplaint saved = save(s, at, at);
        if (action == Action.RECORD_INFO) store.recordInfoReply(next.id(), texts.note());
        log.record(next.id(), action.name(), at, actor, before.complaint().status().name(), next.status().name(), details);
        return saved;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoredComplaint rate(StoredComplaint before, Rating rating, boolean raisedAgain, String text) {
        Instant at = now();
        Complaint next = Transitions.rate(before.complaint(), rating, raisedAgain);
        StoredComplaint s = new StoredComplaint(next, before.ref(), before.revision(), before.updatedAt(),
                before.sourceUpdatedAt(), before.overdue(), before.answerDueAt(), before.nextCheckAt(), before.text(),
                before.answer(), before.refusalReason(), before.infoNote(), raisedAgain ? text : null,
                before.secretHash(), before.personalDataErasedAt());
        StoredComplaint saved = save(s, at, at);
        log.record(next.id(), "RATE", at, Actor.CITIZEN, next.status().name(), next.status().name(),
                details("rating", rating.name(), "raisedAgain", raisedAgain));
        return saved;
    }

    /** A PAKN received in another channel, new or a newer state of one held; the caller decided it applies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredComplaint importState(Optional<StoredComplaint> before, Complaint c, Instant sourceUpdatedAt, Actor actor) {
        Instant at = now();
        if (before.isEmpty()) {
            Timing timing = workingDays.deadlines().at(c, at);
            StoredComplaint s = new StoredComplaint(c, 0, 1, sourceUpdatedAt, sourceUpdatedAt, !timing.onTime(),
                    timing.answerBy(), timing.nextCheckAt(), null, null, null, null, null, null, null);
            store.insert(s, null);
            log.record(c.id(), "IMPORT", at, actor, null, c.status().name(), details("channel", c.channel().name()));
            events.announce(s);
            return s;
        }
        StoredComplaint b = before.get();
        StoredComplaint s = new StoredComplaint(c, b.ref(), b.revision(), b.updatedAt(), sourceUpdatedAt, b.overdue(),
                b.answerDueAt(), b.nextCheckAt(), null, null, null, null, null, null, b.personalDataErasedAt());
        StoredComplaint saved = save(s, sourceUpdatedAt, at);
        log.record(c.id(), "IMPORT", at, actor, b.complaint().status().name(), c.status().name(),
                details("channel", c.channel().name()));
        return saved;
    }

    /**
     * Evaluates due PAKN again (a deadline passed, the calendar changed): an on-time state that turned overdue (or
     * back) is a change and is announced; otherwise only the next check moves. Returns how many were evaluated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateDue(int limit) {
        Instant at = now();
        List<StoredComplaint> due = store.lockDue(at, limit);
        for (StoredComplaint s : due) {
            Timing t = workingDays.deadlines().at(s.complaint(), at);
            boolean overdue = !t.onTime();
            if (overdue == s.overdue()) {
                store.reschedule(s.id(), t.answerBy(), t.nextCheckAt());
                continue;
            }
            save(s, at, at);
            log.record(s.id(), overdue ? "OVERDUE" : "ON_TIME_AGAIN", at, Actor.SYSTEM, s.complaint().status().name(),
                    s.complaint().status().name(), details("answerDueAt", t.answerBy().toString()));
        }
        return due.size();
    }

    /** Erases the citizen's contact and texts; the timed state (hence the statistics and events) stays. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erase(StoredComplaint s, Actor actor) {
        Instant at = now();
        boolean hadContact = contacts.erase(s.id());
        store.eraseTexts(s.id(), at);
        log.record(s.id(), "ERASE_PERSONAL_DATA", at, actor, s.complaint().status().name(), s.complaint().status().name(),
                details("contact", hadContact, "text", s.text() != null));
        return hadContact;
    }

    /** Writes a changed state: evaluated at {@code at}, revision + 1, updatedAt strictly later, announced. */
    private StoredComplaint save(StoredComplaint s, Instant changedAt, Instant at) {
        Timing t = workingDays.deadlines().at(s.complaint(), at);
        Instant updatedAt = changedAt.isAfter(s.updatedAt()) ? changedAt : s.updatedAt().plus(1, ChronoUnit.MILLIS);
        StoredComplaint next = new StoredComplaint(s.complaint(), s.ref(), s.revision() + 1, updatedAt,
                s.sourceUpdatedAt(), !t.onTime(), t.answerBy(), t.nextCheckAt(), s.text(), s.answer(), s.refusalReason(),
                s.infoNote(), s.raisedAgainText(), s.secretHash(), s.personalDataErasedAt());
        store.update(next);
        events.announce(next);
        return next;
    }

    private static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
