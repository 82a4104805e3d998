package dvc766.complaint.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A PAKN as its unit's officials see it: every step, the texts, the contact (their unit only), the audit trail. */
public record OfficialDetail(String id, String channel, String unitCode, String category, String status,
                             String procedureCode, String dossierCode, OffsetDateTime receivedAt,
                             List<TransferDto> transfers, List<InfoRequestDto> infoRequests, OffsetDateTime refusedAt,
                             OffsetDateTime answeredAt, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt,
                             String rating, boolean raisedAgain, OffsetDateTime answerDueAt, boolean overdue,
                             String text, String answer, String refusalReason, String informationRequested, String informationReply,
                             String raisedAgainText, ContactDto contact, OffsetDateTime personalDataErasedAt,
                             OffsetDateTime updatedAt, long revision, List<ActionView> actions) {}
