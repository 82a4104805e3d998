package dvc766.ingestion.domain;

public enum Rating { SATISFIED, NEUTRAL, DISSATISFIED }
