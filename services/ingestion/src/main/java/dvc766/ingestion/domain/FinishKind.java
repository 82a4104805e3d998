package dvc766.ingestion.domain;

/** How a dossier ended; WITHDRAWN (by the applicant) takes it out of every denominator. */
public enum FinishKind { PROCESSED, RESULT_RETURNED, REFUSED, STOPPED, WITHDRAWN }
