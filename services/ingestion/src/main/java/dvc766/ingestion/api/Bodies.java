package dvc766.ingestion.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.domain.Violation;
import dvc766.ingestion.store.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns received bytes into JSON and into the audit's payload record, whatever they are. */
final class Bodies {

    /** Exact decimals (amounts), and a repeated key is an error rather than a silent "last one wins". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Bodies() {}

    /** The body as JSON, or the reason it is not; its payload either way. */
    record Parsed(JsonNode json, Payload payload, Violation error) {}

    static Parsed parse(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        String text = new String(bytes, StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        if (text.isBlank()) {
            return new Parsed(null, new Payload(null, "", sha), new Violation("$", "required", "a JSON body is required"));
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return new Parsed(node, storable(text, sha), null);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            return new Parsed(null, new Payload(null, text.replace('\u0000', '\uFFFD'), sha),
                    new Violation("$", "json", "the body is not valid JSON" + where + ": " + msg));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload of one item of a batch: its compact JSON, which is what its hash is taken of. */
    static Payload item(JsonNode node) {
        try {
            String text = JSON.writeValueAsString(node);
            return storable(text, sha256(text.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL's jsonb cannot hold a NUL character: such a payload is kept as text instead. */
    private static Payload storable(String text, String sha) {
        return text.contains("\\u0000") ? new Payload(null, text.replace('\u0000', '\uFFFD'), sha) : new Payload(text, null, sha);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
