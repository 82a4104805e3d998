package dvc766.datagen;

/** How a dossier ended. */
public enum FinishKind { PROCESSED, RESULT_RETURNED, REFUSED, STOPPED, WITHDRAWN }
