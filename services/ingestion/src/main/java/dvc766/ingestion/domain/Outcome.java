package dvc766.ingestion.domain;

public enum Outcome { ACCEPTED, REJECTED }
