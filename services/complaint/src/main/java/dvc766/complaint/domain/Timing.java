package dvc766.complaint.domain;

import java.time.Instant;

/**
 * A PAKN's deadlines and on-time state at an instant {@code te}.
 *
 * @param answerBy     the answer deadline, moved later by the time spent waiting for the citizen's information
 * @param publishBy    the deadline to publish the answer; null until answered
 * @param onTime       every step that happened by te met its deadline, and no awaited step is past its deadline
 * @param nextCheckAt  when this state may turn overdue with no event; null when nothing is running against a clock
 */
public record Timing(Instant start, Instant refuseBy, Instant infoRequestBy, Instant answerBy, Instant publishBy,
                     boolean onTime, Instant nextCheckAt) {}
