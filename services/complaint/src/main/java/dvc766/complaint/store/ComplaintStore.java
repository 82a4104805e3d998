package dvc766.complaint.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dvc766.complaint.domain.Category;
import dvc766.complaint.domain.Channel;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.InfoRequest;
import dvc766.complaint.domain.Rating;
import dvc766.complaint.domain.Status;
import dvc766.complaint.domain.Transfer;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Current state of PAKN, by JDBC. Every write runs in the caller's transaction. */
@ApplicationScoped
public class ComplaintStore {

    private static final String COLUMNS = """
            id, ref, channel, unit_code, category, procedure_code, dossier_code, received_at, transfers::text,
            info_requests::text, refused_at, answered_at, published_at, withdrawn_at, rating, raised_again, status,
            overdue, answer_due_at, next_check_at, updated_at, source_updated_at, revision, text, answer,
            refusal_reason, info_note, raised_again_text, secret_sha256, personal_data_erased_at""";

    /** A page of a list, and how many match in all. */
    public record Page(List<StoredComplaint> items, long total) {}

    /** A filter of a list; null fields do not filter. {@code units}: only these units. */
    public record Filter(List<String> units, Status status, Boolean overdue) {}

    private final DataSource ds;

    public ComplaintStore(DataSource ds) {
        this.ds = ds;
    }

    public Optional<StoredComplaint> find(String id) {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM complaint WHERE id = ?", ComplaintStore::read, id)
                .stream().findFirst();
    }

    /** Reads the PAKN and locks its row until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredComplaint> lock(String id) {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM complaint WHERE id = ? FOR UPDATE", ComplaintStore::read, id)
                .stream().findFirst();
    }

    /** The PAKN whose on-time state may have changed by {@code now}, locked; others' locked rows are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredComplaint> lockDue(Instant now, int limit) {
        return Jdbc.query(ds, "SELECT " + COLUMNS
                + " FROM complaint WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED",
                ComplaintStore::read, now, limit);
    }

    /** The id of a PAKN for the same unit with the same normalised text received since {@code since}. */
    public Optional<String> duplicateOf(String fingerprint, Instant since) {
        return Jdbc.query(ds, "SELECT id FROM complaint WHERE text_fingerprint = ? AND received_at >= ? LIMIT 1",
                rs -> rs.getString(1), fingerprint, since).stream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredComplaint s, String fingerprint) {
        Complaint c = s.complaint();
        Jdbc.update(ds, """
                INSERT INTO complaint (id, channel, unit_code, category, procedure_code, dossier_code, received_at,
                    transfers, info_requests, refused_at, answered_at, published_at, withdrawn_at, rating, raised_again,
                    status, overdue, answer_due_at, next_check_at, updated_at, source_updated_at, revision, text,
                    text_fingerprint, answer, refusal_reason, info_note, raised_again_text, secret_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.channel(), c.unitCode(), c.category(), c.procedureCode(), c.dossierCode(), c.receivedAt(),
                json(c.transfers()), json(c.infoRequests()), c.refusedAt(), c.answeredAt(), c.publishedAt(),
                c.withdrawnAt(), c.rating(), c.raisedAgain(), c.status(), s.overdue(), s.answerDueAt(), s.nextCheckAt(),
                s.updatedAt(), s.sourceUpdatedAt(), s.revision(), s.text(), fingerprint, s.answer(), s.refusalReason(),
                s.infoNote(), s.raisedAgainText(), s.secretHash());
    }

    /** Writes the whole state over the stored one (the row is locked by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(StoredComplaint s) {
        Complaint c = s.complaint();
        Jdbc.update(ds, """
                UPDATE complaint SET channel = ?, unit_code = ?, category = ?, procedure_code = ?, dossier_code = ?,
                    received_at = ?, transfers = ?, info_requests = ?, refused_at = ?, answered_at = ?, published_at = ?,
                    withdrawn_at = ?, rating = ?, raised_again = ?, status = ?, overdue = ?, answer_due_at = ?,
                    next_check_at = ?, updated_at = ?, source_updated_at = ?, revision = ?, answer = ?, refusal_reason = ?,
                    info_note = ?, raised_again_text = ?
                WHERE id = ?""",
                c.channel(), c.unitCode(), c.category(), c.procedureCode(), c.dossierCode(), c.receivedAt(),
                json(c.transfers()), json(c.infoRequests()), c.refusedAt(), c.answeredAt(), c.publishedAt(),
                c.withdrawnAt(), c.rating(), c.raisedAgain(), c.status(), s.overdue(), s.answerDueAt(), s.nextCheckAt(),
                s.updatedAt(), s.sourceUpdatedAt(), s.revision(), s.answer(), s.refusalReason(), s.infoNote(),
                s.raisedAgainText(), c.id());
    }

    /** Only the evaluation columns (no state change to announce). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(String id, Instant answerDueAt, Instant nextCheckAt) {
        Jdbc.update(ds, "UPDATE complaint SET answer_due_at = ?, next_check_at = ? WHERE id = ?", answerDueAt, nextCheckAt, id);
    }

    /** Every PAKN that still runs against a clock is evaluated again (the calendar changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recheckOpen(Instant now) {
        return Jdbc.update(ds, """
                UPDATE complaint SET next_check_at = ?
                WHERE refused_at IS NULL AND withdrawn_at IS NULL AND (answered_at IS NULL OR published_at IS NULL)""", now);
    }

    /** Keeps the citizen's reply to a request for information (personal data, so not in the audit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInfoReply(String id, String reply) {
        Jdbc.update(ds, "UPDATE complaint SET info_reply = ? WHERE id = ?", reply, id);
    }

    public String infoReply(String id) {
        List<String> found = Jdbc.query(ds, "SELECT info_reply FROM complaint WHERE id = ?", rs -> rs.getString(1), id);
        return found.isEmpty() ? null : found.get(0); // a null element: findFirst() would throw
    }

    /** Removes the citizen's texts (personal data); the timed state, hence every statistic, stays. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseTexts(String id, Instant at) {
        Jdbc.update(ds, """
                UPDATE complaint SET text = NULL, text_fingerprint = NULL, raised_again_text = NULL, info_reply = NULL,
                    personal_data_erased_at = ? WHERE id = ?""", at, id);
    }

    public Page list(Filter f, int page, int size, boolean answerDueFirst) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (f.units() != null) {
            where.append(" AND unit_code = ANY(?)");
            params.add(f.units().toArray(String[]::new));
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            params.add(f.status());
        }
        if (f.overdue() != null) {
            where.append(" AND overdue = ?");
            params.add(f.overdue());
        }
        long total = Jdbc.query(ds, "SELECT count(*) FROM complaint" + where, rs -> rs.getLong(1), params.toArray()).get(0);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (page - 1) * size);
        String order = answerDueFirst ? " ORDER BY answer_due_at NULLS LAST, ref" : " ORDER BY received_at DESC, ref DESC";
        List<StoredComplaint> items = Jdbc.query(ds, "SELECT " + COLUMNS + " FROM complaint" + where + order
                + " LIMIT ? OFFSET ?", ComplaintStore::read, pageParams.toArray());
        return new Page(items, total);
    }

    static StoredComplaint read(ResultSet rs) throws SQLException {
        String rating = rs.getString("rating");
        Complaint c = new Complaint(rs.getString("id"), Channel.valueOf(rs.getString("channel")), rs.getString("unit_code"),
                Category.valueOf(rs.getString("category")), rs.getString("procedure_code"), rs.getString("dossier_code"),
                Jdbc.instant(rs, "received_at"), parse(rs.getString(9), new TypeReference<List<Transfer>>() {}),
                parse(rs.getString(10), new TypeReference<List<InfoRequest>>() {}), Jdbc.instant(rs, "refused_at"),
                Jdbc.instant(rs, "answered_at"), Jdbc.instant(rs, "published_at"), Jdbc.instant(rs, "withdrawn_at"),
                rating == null ? null : Rating.valueOf(rating), rs.getBoolean("raised_again"),
                Status.valueOf(rs.getString("status")));
        return new StoredComplaint(c, rs.getLong("ref"), rs.getLong("revision"), Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "source_updated_at"), rs.getBoolean("overdue"), Jdbc.instant(rs, "answer_due_at"),
                Jdbc.instant(rs, "next_check_at"), rs.getString("text"), rs.getString("answer"),
                rs.getString("refusal_reason"), rs.getString("info_note"), rs.getString("raised_again_text"),
                rs.getString("secret_sha256"), Jdbc.instant(rs, "personal_data_erased_at"));
    }

    private static Jdbc.Json json(Object value) {
        try {
            return new Jdbc.Json(EventJson.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
