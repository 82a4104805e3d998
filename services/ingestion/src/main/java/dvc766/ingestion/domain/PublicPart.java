package dvc766.ingestion.domain;

/** The seven parts a procedure's public record must have (PUBLIC_CONTENT_FULL). */
public enum PublicPart { NAME, STEPS, CHANNELS, DOSSIER_COMPOSITION, TIME_LIMIT, APPLICANTS, IMPLEMENTING_BODY }
