package dvc766.datagen;

/** Who may apply for a procedure. */
public enum ApplicantType { CITIZEN, ORGANIZATION }
