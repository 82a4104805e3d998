package dvc766.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    private static DossierDraft draft(OffsetDateTime finishedAt, String finishKind, List<DossierDraft.SupplementDraft> s) {
        return new DossierDraft("HS-1", "P-1", "380", "ONLINE", T, null, "RECEIVED", finishedAt, finishKind, s, null, null,
                null, null, null, null, new BigDecimal("15000.00"), null, null, T.plusDays(1));
    }

    @Test
    void finishedAtAndFinishKindGoTogether() {
        Violations v = new Violations();
        assertThat(DossierRules.validate(draft(T.plusDays(1), null, null), "", v)).isNull();
        assertThat(v.list()).containsExactly(new Violation("finishKind", "requiredWith", "is required when finishedAt is set"));
        v = new Violations();
        DossierRules.validate(draft(null, "PROCESSED", null), "items[2].", v);
        assertThat(v.list()).extracting(Violation::field).containsExactly("items[2].finishedAt");
        assertThat(DossierRules.validate(draft(T.plusDays(1), "PROCESSED", null), "", new Violations())).isNotNull();
    }

    @Test
    void supplementReturnedBeforeRequestedIsInvalid() {
        Violations v = new Violations();
        DossierRules.validate(draft(null, null, List.of(
                new DossierDraft.SupplementDraft(T.plusHours(1), T.plusHours(2)),
                new DossierDraft.SupplementDraft(T.plusHours(5), T.plusHours(4)))), "", v);
        assertThat(v.list()).extracting(Violation::field).containsExactly("supplements[1].returnedAt");
    }

    @Test
    void sameFactsInAnotherOffsetOrScaleAreTheSameContent() {
        Dossier a = DossierRules.validate(draft(null, null, null), "", new Violations());
        DossierDraft other = new DossierDraft("HS-1", "P-1", "380", "ONLINE", T.withOffsetSameInstant(ZoneOffset.UTC), null,
                "RECEIVED", null, null, List.of(), null, false, null, null, null, null, new BigDecimal("15000"), null,
                null, T.plusDays(2));
        Dossier b = DossierRules.validate(other, "", new Violations());
        assertThat(b.sameContentAs(a)).isTrue();
        assertThat(b.equals(a)).isFalse();
        assertThat(a.feeAmount().toPlainString()).isEqualTo("15000");
    }

    @Test
    void plausibilityRefusesFutureAndBackwardTimes() {
        Dossier d = DossierRules.validate(new DossierDraft("HS-1", "P-1", "380", "DIRECT", T, T.minusDays(1), "PROCESSED",
                T.minusHours(1), "PROCESSED", null, null, null, null, null, null, null, null, null, null, T), "",
                new Violations());
        Violations v = new Violations();
        DossierRules.plausibility(d, "", T.toInstant().minus(Duration.ofMinutes(6)), Duration.ofMinutes(5), v);
        assertThat(v.list()).extracting(x -> x.field() + ":" + x.rule())
                .containsExactlyInAnyOrder("receivedAt:notInFuture", "updatedAt:notInFuture", "finishedAt:notBefore",
                        "dueAt:notBefore");
        Violations ok = new Violations();
        DossierRules.plausibility(d.withUpdatedAt(T.toInstant()), "", T.toInstant().minus(Duration.ofMinutes(4)),
                Duration.ofMinutes(5), ok);
        assertThat(ok.list()).extracting(Violation::rule).containsOnly("notBefore");
    }

    @Test
    void olderStateIsStaleEqualIsUnchanged() {
        Instant t = T.toInstant();
        assertThat(Upserts.decide(false, null, t, false)).isEqualTo(Effect.CREATED);
        assertThat(Upserts.decide(true, t, t.minusSeconds(1), false)).isEqualTo(Effect.STALE);
        assertThat(Upserts.decide(true, t, t.minusSeconds(1), true)).isEqualTo(Effect.STALE);
        assertThat(Upserts.decide(true, t, t, true)).isEqualTo(Effect.UNCHANGED);
        assertThat(Upserts.decide(true, t, t, false)).isEqualTo(Effect.UPDATED);
        assertThat(Upserts.decide(true, t, t.plusSeconds(1), false)).isEqualTo(Effect.UPDATED);
    }
}
