package dvc766.complaint.api;

/**
 * An official's action: {@code action} one of ACCEPT, TRANSFER (with {@code toUnitCode}), REQUEST_INFO (with
 * {@code note}: what is asked), RECORD_INFO ({@code note}: the citizen's reply), REFUSE (with {@code reason}),
 * ANSWER (with {@code answer}), PUBLISH.
 */
public record ActionRequest(String action, String toUnitCode, String answer, String reason, String note) {}
