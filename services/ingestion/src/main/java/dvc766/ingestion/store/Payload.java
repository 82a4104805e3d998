package dvc766.ingestion.store;

/** What was received for one object: as JSON when it was JSON, else as text; and the SHA-256 of its bytes. */
public record Payload(String json, String text, String sha256) {}
