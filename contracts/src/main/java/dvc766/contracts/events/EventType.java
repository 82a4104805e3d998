package dvc766.contracts.events;

/** Every event type, the topic it travels on and the JSON Schema of its envelope (contracts/events). */
public enum EventType {
    UNIT_UPSERTED("dvc.unit.upserted", Topics.UNITS, "unit-upserted"),
    PROCEDURE_UPSERTED("dvc.procedure.upserted", Topics.PROCEDURES, "procedure-upserted"),
    DOSSIER_UPSERTED("dvc.dossier.upserted", Topics.DOSSIERS, "dossier-upserted"),
    PUBLISHING_DECISION_UPSERTED("dvc.publishing-decision.upserted", Topics.PUBLISHING_DECISIONS, "publishing-decision-upserted"),
    COMPLAINT_UPSERTED("dvc.complaint.upserted", Topics.COMPLAINTS, "complaint-upserted"),
    HOLIDAY_YEAR_REPLACED("dvc.holiday-year.replaced", Topics.CALENDAR, "holiday-year-replaced"),
    SCORE_CHANGED("dvc.score.changed", Topics.SCORES, "score-changed"),
    RULE_SET_STORED("dvc.rule-set.stored", Topics.RULE_SETS, "rule-set-stored");

    private final String type;
    private final String topic;
    private final String schemaName;

    EventType(String type, String topic, String schemaName) {
        this.type = type;
        this.topic = topic;
        this.schemaName = schemaName;
    }

    public String type() { return type; }

    public String topic() { return topic; }

    /** Classpath resource of the JSON Schema, e.g. {@code contracts/events/dossier-upserted.v1.schema.json}. */
    public String schemaResource() { return "contracts/events/" + schemaName + ".v1.schema.json"; }

    public String dataschema() { return "urn:dvc766:events:" + schemaName + ":v1"; }

    public static EventType ofType(String type) {
        for (EventType t : values()) {
            if (t.type.equals(type)) return t;
        }
        throw new IllegalArgumentException("unknown event type " + type);
    }
}
