package dvc766.datagen;

/** The seven required parts of a procedure's public record (index-766 §2, PUBLIC_CONTENT_FULL). */
public enum PublicPart { NAME, STEPS, CHANNELS, DOSSIER_COMPOSITION, TIME_LIMIT, APPLICANTS, IMPLEMENTING_BODY }
