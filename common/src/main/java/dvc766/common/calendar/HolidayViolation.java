package dvc766.common.calendar;

/**
 * One broken rule of a holiday-year document: the JSON path of the field ({@code daysOff[2].date}, {@code $} for the
 * whole document), the rule's short name, and a readable message. Shaped like service-kit's {@code FieldError} so an
 * API maps it one to one.
 */
public record HolidayViolation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
