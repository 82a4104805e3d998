package dvc766.complaint.domain;

/** The citizen's rating of the answer. */
public enum Rating { SATISFIED, DISSATISFIED }
