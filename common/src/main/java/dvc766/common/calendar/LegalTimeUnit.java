package dvc766.common.calendar;

/** The units in which a procedure's legal processing time is written (index-766 §10). */
public enum LegalTimeUnit { HOURS, DAYS, WORKING_DAYS, MONTHS }
