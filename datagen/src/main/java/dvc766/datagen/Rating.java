package dvc766.datagen;

/** The applicant's rating of how the dossier was handled. */
public enum Rating { SATISFIED, NEUTRAL, DISSATISFIED }
