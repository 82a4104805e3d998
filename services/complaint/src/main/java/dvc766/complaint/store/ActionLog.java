package dvc766.complaint.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The append-only record of every action on a PAKN and who did it (the table refuses UPDATE and DELETE). */
@ApplicationScoped
public class ActionLog {

    public enum ActorKind { CITIZEN, OFFICIAL, AGENCY, ADMIN, SYSTEM }

    public record Actor(ActorKind kind, String subject, String clientId, String unitCode) {
        public static final Actor CITIZEN = new Actor(ActorKind.CITIZEN, null, null, null);
        public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "complaint", null, null);
    }

    public record Entry(long id, String action, Instant at, String actorKind, String actorSubject, String actorUnit,
                        String fromStatus, String toStatus, String details) {}

    private final DataSource ds;

    public ActionLog(DataSource ds) {
        this.ds = ds;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String complaintId, String action, Instant at, Actor actor, String from, String to,
            Map<String, ?> details) {
        Jdbc.update(ds, """
                INSERT INTO complaint_action (complaint_id, action, at, actor_kind, actor_subject, actor_client, actor_unit,
                    from_status, to_status, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                complaintId, action, at, actor.kind(), actor.subject(), actor.clientId(), actor.unitCode(), from, to,
                new Jdbc.Json(json(details)));
    }

    public List<Entry> of(String complaintId) {
        return Jdbc.query(ds, """
                SELECT id, action, at, actor_kind, actor_subject, actor_unit, from_status, to_status, details::text
                FROM complaint_action WHERE complaint_id = ? ORDER BY id""",
                rs -> new Entry(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, "at"), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), complaintId);
    }

    private static String json(Map<String, ?> details) {
        try {
            return EventJson.mapper().writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
