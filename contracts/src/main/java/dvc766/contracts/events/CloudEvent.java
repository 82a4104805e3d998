package dvc766.contracts.events;

import java.time.OffsetDateTime;

/**
 * CloudEvents 1.0 structured-mode envelope of every event on the platform's topics.
 * {@code data} is the whole current state of the object, so consumers can apply events idempotently.
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String type,
        String source,
        OffsetDateTime time,
        String subject,
        String dataschema,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static <T> CloudEvent<T> of(String id, EventType type, String source, OffsetDateTime time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, type.type(), source, time, subject, type.dataschema(), JSON, data);
    }
}
