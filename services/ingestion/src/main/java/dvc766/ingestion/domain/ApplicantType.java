package dvc766.ingestion.domain;

public enum ApplicantType { CITIZEN, ORGANIZATION }
