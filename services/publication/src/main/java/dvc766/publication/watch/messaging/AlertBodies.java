package dvc766.publication.watch.messaging;

import dvc766.kit.events.EventJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The JSON a webhook receives; its {@code id} is also sent as the {@code X-Watch-Alert-Id} header. */
final class AlertBodies {

    private AlertBodies() {}

    record DossierAlert(String id, String kind, OffsetDateTime createdAt, String unitCode, String unitName, Dossier dossier) {}

    record Dossier(String code, String procedureCode, OffsetDateTime receivedAt, OffsetDateTime deadline,
            Integer workingDaysLeft, String overdueReason) {}

    record ScoreAlert(String id, String kind, OffsetDateTime createdAt, String unitCode, String unitName, Score score) {}

    record Score(String period, String ruleSet, long version, BigDecimal total, String band, OffsetDateTime asOf,
            long previousVersion, BigDecimal previousTotal, BigDecimal change) {}

    static String write(Object body) {
        return EventJson.write(body);
    }

    static String id(UUID id) {
        return id.toString();
    }

    static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
