package dvc766.common.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** A holiday-year document that cannot be accepted, with every rule it breaks. */
public class InvalidHolidayYearException extends IllegalArgumentException {

    private final transient List<HolidayViolation> violations;

    public InvalidHolidayYearException(List<HolidayViolation> violations) {
        super("invalid holiday calendar: "
                + violations.stream().map(HolidayViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<HolidayViolation> violations() {
        return violations;
    }
}
