package dvc766.complaint.api;

import dvc766.complaint.domain.Category;
import dvc766.complaint.domain.Channel;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.InfoRequest;
import dvc766.complaint.domain.Rating;
import dvc766.complaint.domain.Status;
import dvc766.complaint.domain.Transfer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads one imported item into a PAKN state, collecting every rule it breaks (paths prefixed with items[i]). */
final class ImportReading {

    static final int MAX_STEPS = 50;

    private ImportReading() {}

    /** The PAKN, or null when {@code checks} got errors. */
    static Complaint read(ImportItem it, String at, Checks checks, Instant latest) {
        checks.code(at + "id", it.id(), true);
        Channel channel = checks.oneOf(at + "channel", it.channel(), Channel.class, true);
        if (channel == Channel.PORTAL) {
            checks.add(at + "channel", "enum", "PORTAL PAKN are submitted on the portal, not imported");
        }
        checks.code(at + "unitCode", it.unitCode(), true);
        Category category = checks.oneOf(at + "category", it.category(), Category.class, true);
        checks.code(at + "procedureCode", it.procedureCode(), false);
        checks.code(at + "dossierCode", it.dossierCode(), false);
        Instant received = time(checks, at + "receivedAt", it.receivedAt(), true, null, latest);
        time(checks, at + "updatedAt", it.updatedAt(), true, received, latest);

        List<Transfer> transfers = new ArrayList<>();
        List<TransferDto> ts = it.transfers() == null ? List.of() : it.transfers();
        if (ts.size() > MAX_STEPS) checks.add(at + "transfers", "max-items", "at most " + MAX_STEPS + " transfers");
        Instant previous = received;
        for (int i = 0; i < ts.size() && i < MAX_STEPS; i++) {
            String p = at + "transfers[" + i + "].";
            TransferDto t = ts.get(i);
            if (t == null) {
                checks.required(p.substring(0, p.length() - 1), null);
                continue;
            }
            Instant tAt = time(checks, p + "at", t.at(), true, previous, latest);
            checks.code(p + "fromUnitCode", t.fromUnitCode(), true);
            checks.code(p + "toUnitCode", t.toUnitCode(), true);
            if (tAt != null) previous = tAt;
            transfers.add(new Transfer(tAt, t.fromUnitCode(), t.toUnitCode()));
        }
        if (!ts.isEmpty() && ts.get(ts.size() - 1) != null && it.unitCode() != null
                && !it.unitCode().equals(ts.get(ts.size() - 1).toUnitCode())) {
            checks.add(at + "unitCode", "last-transfer", "unitCode must be the last transfer's toUnitCode");
        }

        List<InfoRequest> requests = new ArrayList<>();
        List<InfoRequestDto> rs = it.infoRequests() == null ? List.of() : it.infoRequests();
        if (rs.size() > MAX_STEPS) checks.add(at + "infoRequests", "max-items", "at most " + MAX_STEPS + " requests");
        for (int i = 0; i < rs.size() && i < MAX_STEPS; i++) {
            String p = at + "infoRequests[" + i + "].";
            InfoRequestDto r = rs.get(i);
            if (r == null) {
                checks.required(p.substring(0, p.length() - 1), null);
                continue;
            }
            Instant req = time(checks, p + "requestedAt", r.requestedAt(), true, received, latest);
            Instant ret = time(checks, p + "returnedAt", r.returnedAt(), false, req, latest);
            if (ret == null && r.returnedAt() == null && i < rs.size() - 1) {
                checks.add(p + "returnedAt", "required", "only the last request may still await the citizen's reply");
            }
            requests.add(new InfoRequest(req, ret));
        }

        Instant refused = time(checks, at + "refusedAt", it.refusedAt(), false, received, latest);
        Instant answered = time(checks, at + "answeredAt", it.answeredAt(), false, received, latest);
        Instant published = time(checks, at + "publishedAt", it.publishedAt(), false, answered == null ? received : answered, latest);
        Instant withdrawn = time(checks, at + "withdrawnAt", it.withdrawnAt(), false, received, latest);
        if (refused != null && answered != null) {
            checks.add(at + "refusedAt", "exclusive", "a PAKN is either refused or answered, not both");
        }
        if (it.publishedAt() != null && it.answeredAt() == null) {
            checks.add(at + "publishedAt", "requires", "publishedAt needs answeredAt");
        }
        Rating rating = checks.oneOf(at + "rating", it.rating(), Rating.class, false);
        boolean again = Boolean.TRUE.equals(it.raisedAgain());
        if ((rating != null || again) && it.answeredAt() == null) {
            checks.add(at + (rating != null ? "rating" : "raisedAgain"), "requires", "a rating needs answeredAt");
        }
        if (!checks.errors.isEmpty()) return null;
        boolean awaiting = !requests.isEmpty() && requests.get(requests.size() - 1).returnedAt() == null;
        Status status = withdrawn != null ? Status.WITHDRAWN
                : published != null ? Status.PUBLISHED
                : answered != null ? Status.ANSWERED
                : refused != null ? Status.REFUSED
                : awaiting ? Status.INFO_REQUESTED
                : !requests.isEmpty() ? Status.ACCEPTED
                : !transfers.isEmpty() ? Status.TRANSFERRED
                : Status.RECEIVED;
        return new Complaint(it.id(), channel, it.unitCode(), category, it.procedureCode(), it.dossierCode(), received,
                transfers, requests, refused, answered, published, withdrawn, rating, again, status);
    }

    /** A time truncated to microseconds (what the database keeps), not before {@code notBefore}, not after {@code latest}. */
    private static Instant time(Checks checks, String field, OffsetDateTime value, boolean required, Instant notBefore,
            Instant latest) {
        if (value == null) {
            if (required) checks.required(field, null);
            return null;
        }
        Instant t = value.toInstant().truncatedTo(ChronoUnit.MICROS);
        if (t.isAfter(latest)) checks.add(field, "not-future", field + " lies in the future");
        if (notBefore != null && t.isBefore(notBefore)) checks.add(field, "order", field + " is before the step it follows");
        return t;
    }
}
