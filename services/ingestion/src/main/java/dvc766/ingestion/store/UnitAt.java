package dvc766.ingestion.store;

import java.time.LocalDate;

/** A unit on a given local day: the tree is dated, so "below" depends on the day. */
public record UnitAt(String unitCode, LocalDate on) {}
