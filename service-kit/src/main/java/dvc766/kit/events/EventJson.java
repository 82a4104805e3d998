package dvc766.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dvc766.contracts.events.CloudEvent;

/**
 * The one JSON mapping of events on the wire: ISO 8601 times with offset, unknown fields ignored on read
 * (so a producer can add optional fields), strict types.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event", e);
        }
    }

    public static <T> CloudEvent<T> read(String json, Class<T> dataType) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed event: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectMapper mapper() { return MAPPER; }
}
