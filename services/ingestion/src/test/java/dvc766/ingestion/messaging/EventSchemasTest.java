package dvc766.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.common.calendar.LegalTimeUnit;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.UnitData;
import dvc766.ingestion.domain.ApplicantType;
import dvc766.ingestion.domain.Channel;
import dvc766.ingestion.domain.Dossier;
import dvc766.ingestion.domain.DossierStatus;
import dvc766.ingestion.domain.FinishKind;
import dvc766.ingestion.domain.OnlineLevel;
import dvc766.ingestion.domain.Procedure;
import dvc766.ingestion.domain.PublicPart;
import dvc766.ingestion.domain.Unit;
import dvc766.ingestion.domain.UnitLevel;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The event schemas accept what ingestion emits and refuse what it must not (they are not vacuous). */
class EventSchemasTest {

    private static final Instant T = Instant.parse("2026-11-02T01:00:00Z");

    private static String envelope(EventType type, String key, Object data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), type, "/dvc766/ingestion",
                OffsetDateTime.now(ZoneOffset.UTC), key, data));
    }

    private static String edited(String json, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json);
            edit.accept(node);
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dossierEvents() {
        Dossier d = new Dossier("HS-1", "P-1", "380", Channel.ONLINE, T, T.plusSeconds(86400), DossierStatus.PROCESSED,
                T.plusSeconds(3600), FinishKind.PROCESSED, List.of(new Dossier.Supplement(T.plusSeconds(60), null)), null,
                true, false, false, false, true, new BigDecimal("150000"), null, null, T.plusSeconds(3600));
        String ok = envelope(EventType.DOSSIER_UPSERTED, "HS-1", StateEvents.dossierData(d, 3));
        assertThatCode(() -> Contracts.assertEventMatchesSchema(ok)).doesNotThrowAnyException();

        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> ((ObjectNode) n.get("data")).remove("revision")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> ((ObjectNode) n.get("data")).put("eresult", true)))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> ((ObjectNode) n.get("data")).put("channel", "FAX")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> n.remove("subject")))).isInstanceOf(AssertionError.class);
    }

    @Test
    void procedureEvents() {
        Procedure p = new Procedure("P-1", "Cấp giấy phép xây dựng", null, List.of("38.SXD"),
                List.of(ApplicantType.CITIZEN), OnlineLevel.PARTIAL, false, true, true, true,
                new Procedure.LegalTime(15, LegalTimeUnit.WORKING_DAYS), List.of(PublicPart.NAME), null, T);
        String ok = envelope(EventType.PROCEDURE_UPSERTED, "P-1", StateEvents.procedureData(p, 1));
        assertThatCode(() -> Contracts.assertEventMatchesSchema(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> ((ObjectNode) n.get("data").get("legalTime")).put("unit", "WEEKS"))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void unitEvents() {
        Unit u = new Unit("380", "Thành phố Thanh Hóa", UnitLevel.DISTRICT, "38", LocalDate.of(2022, 1, 1), null,
                LocalDate.of(2024, 5, 1), T);
        String ok = envelope(EventType.UNIT_UPSERTED, "380", StateEvents.unitData(u, 1, List.of(
                new UnitData.ParentEdge("38.D1", null, LocalDate.of(2025, 7, 1)), new UnitData.ParentEdge("38", LocalDate.of(2025, 7, 1), null))));
        assertThatCode(() -> Contracts.assertEventMatchesSchema(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(edited(ok, n -> ((ObjectNode) n.get("data").get("parentEdges").get(0))
                .remove("parentCode")))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(
                edited(ok, n -> ((ObjectNode) n.get("data")).put("revision", 0)))).isInstanceOf(AssertionError.class);
    }
}
