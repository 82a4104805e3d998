package dvc766.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The publishing decisions and PAKN of the demo: what the platform will accept, and realistic shares of lateness. */
class DecisionsAndComplaintsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-29T10:00:00+07:00");
    private static final DemoStructure S = DemoStructure.build(DemoParams.defaults(NOW.toInstant()));
    private static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();

    @Test
    void decisionsAreAcceptableAndAShareOfThemLate() {
        List<PublishingDecision> ds = S.publishingDecisions();
        assertThat(ds).hasSizeGreaterThan(40);
        assertThat(ds).extracting(PublishingDecision::key).doesNotHaveDuplicates();
        assertThat(S.publishingDecisions()).isEqualTo(ds); // deterministic
        int lateSigning = 0;
        int late = 0;
        int entries = 0;
        for (PublishingDecision d : ds) {
            assertThat(S.unitsByCode()).containsKey(d.unitCode());
            assertThat(d.signedOn()).isBeforeOrEqualTo(NOW.toLocalDate());
            assertThat(d.number()).matches("\\d+/QĐ-[A-Z]+");
            assertThat(d.updatedAt().toInstant()).isBeforeOrEqualTo(NOW.toInstant());
            assertThat(d.procedures()).isNotEmpty().extracting(PublishingDecision.Entry::procedureCode)
                    .doesNotHaveDuplicates().allSatisfy(c -> assertThat(S.proceduresByCode()).containsKey(c));
            if (d.signedOn().isAfter(CAL.workingDaysBefore(d.legalEffectiveOn(), 5))) lateSigning++;
            Instant signed = d.signedOn().atStartOfDay(DemoParams.ZONE).toInstant();
            for (PublishingDecision.Entry e : d.procedures()) {
                entries++;
                assertThat(e.action()).isIn("NEW", "AMENDED", "ABOLISHED");
                if (e.madePublicAt() == null) continue;
                assertThat(e.madePublicAt().toInstant()).isAfterOrEqualTo(signed).isBeforeOrEqualTo(NOW.toInstant());
                assertThat(d.updatedAt()).isAfterOrEqualTo(e.madePublicAt());
                if (e.madePublicAt().toInstant().isAfter(CAL.endOfWorkingDaysAfter(signed, 5))) late++;
            }
        }
        assertThat((double) lateSigning / ds.size()).isBetween(0.05, 0.4);
        assertThat((double) late / entries).isBetween(0.03, 0.35);
    }

    @Test
    void complaintsAreConsistentInTimeAndHaveRealisticShares() {
        List<Complaint> cs = S.complaints();
        assertThat(cs).hasSize((int) ComplaintGenerator.count(S.params()));
        assertThat(cs).extracting(Complaint::id).doesNotHaveDuplicates();
        assertThat(S.complaints()).isEqualTo(cs);
        Set<String> categories = new HashSet<>();
        int answered = 0, lateAnswers = 0, refused = 0, rated = 0, transferred = 0;
        for (Complaint c : cs) {
            assertThat(S.unitsByCode()).containsKey(c.unitCode());
            categories.add(c.category());
            OffsetDateTime start = c.transfers().isEmpty() ? c.receivedAt() : c.transfers().get(0).at();
            if (!c.transfers().isEmpty()) {
                transferred++;
                assertThat(c.transfers().get(0).toUnitCode()).isEqualTo(c.unitCode());
                assertThat(start).isAfter(c.receivedAt());
            }
            Stream.of(c.receivedAt(), c.refusedAt(), c.answeredAt(), c.publishedAt(), c.withdrawnAt(), c.updatedAt())
                    .filter(Objects::nonNull).forEach(t -> assertThat(t.toInstant()).isBeforeOrEqualTo(NOW.toInstant()));
            for (Complaint.InfoRequest r : c.infoRequests()) {
                assertThat(r.requestedAt()).isAfter(start);
                if (r.returnedAt() != null) assertThat(r.returnedAt()).isAfterOrEqualTo(r.requestedAt());
            }
            assertThat(Stream.of(c.refusedAt(), c.answeredAt(), c.withdrawnAt()).filter(Objects::nonNull).count())
                    .isLessThanOrEqualTo(1);
            if (c.publishedAt() != null) assertThat(c.publishedAt()).isAfterOrEqualTo(c.answeredAt());
            if (c.rating() != null) assertThat(c.publishedAt()).isNotNull();
            if (c.refusedAt() != null) refused++;
            if (c.rating() != null) rated++;
            if (c.answeredAt() != null) {
                answered++;
                if (c.answeredAt().toInstant().isAfter(CAL.endOfWorkingDaysAfter(start.toInstant(), 15))) lateAnswers++;
            }
            for (OffsetDateTime t : Stream.of(c.receivedAt(), c.answeredAt(), c.publishedAt()).filter(Objects::nonNull).toList()) {
                assertThat(c.updatedAt()).isAfterOrEqualTo(t);
            }
        }
        assertThat(categories).containsExactlyInAnyOrder("TTHC_REGULATION", "OFFICIAL_CONDUCT");
        assertThat((double) lateAnswers / answered).isBetween(0.08, 0.35);
        assertThat(refused).isPositive();
        assertThat(rated).isPositive();
        assertThat(transferred).isPositive();
    }
}
