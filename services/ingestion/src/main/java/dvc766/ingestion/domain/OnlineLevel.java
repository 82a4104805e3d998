package dvc766.ingestion.domain;

public enum OnlineLevel { FULL, PARTIAL, NONE }
