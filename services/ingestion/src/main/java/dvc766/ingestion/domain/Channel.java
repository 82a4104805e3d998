package dvc766.ingestion.domain;

/** How a dossier was submitted. */
public enum Channel { ONLINE, DIRECT, POSTAL }
