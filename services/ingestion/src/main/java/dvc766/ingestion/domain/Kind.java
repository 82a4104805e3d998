package dvc766.ingestion.domain;

/** What a submission is about. */
public enum Kind { UNIT, PROCEDURE, DOSSIER, PUBLISHING_DECISION }
