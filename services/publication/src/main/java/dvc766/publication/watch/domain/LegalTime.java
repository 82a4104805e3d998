package dvc766.publication.watch.domain;

import dvc766.common.calendar.LegalTimeUnit;

/** A procedure's legal processing time, used when a dossier has no appointment date. */
public record LegalTime(int amount, LegalTimeUnit unit) {}
