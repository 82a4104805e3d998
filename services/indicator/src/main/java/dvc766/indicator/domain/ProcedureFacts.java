package dvc766.indicator.domain;

import dvc766.common.calendar.LegalTimeUnit;

/** What the dossier formulas need to know about a procedure (TTHC); {@code legalTime} may be absent. */
public record ProcedureFacts(String code, LegalTime legalTime, boolean paperResult) {

    public record LegalTime(int amount, LegalTimeUnit unit) {}
}
