package dvc766.complaint;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.complaint.domain.Category;
import dvc766.complaint.domain.Channel;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.InfoRequest;
import dvc766.complaint.domain.Rating;
import dvc766.complaint.domain.Status;
import dvc766.complaint.domain.Transfer;
import dvc766.complaint.messaging.ComplaintEvents;
import dvc766.complaint.store.StoredComplaint;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The schema accepts what the service emits and refuses what it must not (it is not vacuous). */
class EventSchemasTest {

    private static final Instant T = Instant.parse("2026-11-02T03:00:00Z");

    private static String event() {
        Complaint c = new Complaint("PAKN-7K3M9QX2TD", Channel.PORTAL, "38.SNV", Category.OFFICIAL_CONDUCT, "P-1", "HS-1", T,
                List.of(new Transfer(T.plusSeconds(60), "380", "38.SNV")),
                List.of(new InfoRequest(T.plusSeconds(120), null)), null, T.plusSeconds(600), null, null,
                Rating.DISSATISFIED, true, Status.ANSWERED);
        StoredComplaint s = new StoredComplaint(c, 1, 5, T.plusSeconds(700), null, false, T, null, "text", "answer",
                null, null, null, "hash", null);
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.COMPLAINT_UPSERTED, "/dvc766/complaint",
                OffsetDateTime.now(ZoneOffset.UTC), c.id(), ComplaintEvents.data(s)));
    }

    private static String edited(String json, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json);
            edit.accept((ObjectNode) node.get("data"));
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void complaintEvents() {
        String ok = event();
        assertThatCode(() -> Contracts.assertEventMatchesSchema(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(edited(ok, d -> d.put("text", "personal"))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(edited(ok, d -> d.put("status", "OPEN"))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Contracts.assertEventMatchesSchema(edited(ok, d -> d.remove("revision"))))
                .isInstanceOf(AssertionError.class);
    }
}
