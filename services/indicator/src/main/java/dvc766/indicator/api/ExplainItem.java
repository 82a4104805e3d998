package dvc766.indicator.api;

import java.time.OffsetDateTime;

/**
 * One object behind lost points: a dossier or PAKN ({@code kind} DOSSIER, PETITION) with its receipt and deadline, a
 * publishing decision failing a procedure (DECISION), a procedure lacking a feature (PROCEDURE), or a commune (UNIT).
 */
public record ExplainItem(String kind, String key, String unitCode, String procedureCode, OffsetDateTime receivedAt,
        OffsetDateTime deadline, String why) {}
