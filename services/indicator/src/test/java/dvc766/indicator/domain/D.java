package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Builds dossier facts for tests; times are written with their offset, as agencies send them. */
final class D {

    private String unit = "38";
    private String channel = "DIRECT";
    private Instant received;
    private Instant due;
    private String status = "IN_PROGRESS";
    private Instant finished;
    private String finishKind;
    private final List<DossierFacts.Supplement> supplements = new ArrayList<>();
    private Instant synced;
    private boolean eResult, digitized, reused, personal, population;
    private BigDecimal fee = BigDecimal.ZERO;
    private Instant paid;
    private String rating;

    static Instant t(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    static D received(String at) {
        D d = new D();
        d.received = t(at);
        return d;
    }

    D unit(String u) { unit = u; return this; }
    D online() { channel = "ONLINE"; return this; }
    D due(String at) { due = t(at); return this; }
    D finished(String at) { return finished(at, "RESULT_RETURNED"); }
    D finished(String at, String kind) { finished = t(at); finishKind = kind; status = kind; return this; }
    D withdrawn(String at) { finished = t(at); finishKind = "WITHDRAWN"; status = "WITHDRAWN"; return this; }
    D supplement(String requested, String returned) {
        supplements.add(new DossierFacts.Supplement(t(requested), returned == null ? null : t(returned)));
        return this;
    }
    D synced(String at) { synced = t(at); return this; }
    D eResult() { eResult = true; return this; }
    D digitized() { digitized = true; return this; }
    D reused() { reused = true; return this; }
    D personal() { personal = true; return this; }
    D population() { population = true; return this; }
    D fee(long amount, String paidAt) { fee = BigDecimal.valueOf(amount); paid = paidAt == null ? null : t(paidAt); return this; }
    D rating(String r) { rating = r; return this; }

    DossierFacts build() {
        return new DossierFacts("HS-1", "P-1", unit, channel, received, due, status, finished, finishKind, supplements, synced, eResult,
                digitized, reused, personal, population, fee, paid, rating);
    }
}
