package dvc766.ingestion.domain;

/** What a publishing decision does to a procedure (index-766 §10). */
public enum DecisionAction { NEW, AMENDED, ABOLISHED }
