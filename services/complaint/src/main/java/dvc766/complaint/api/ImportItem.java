package dvc766.complaint.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A PAKN from another channel with its original times and state; {@code (channel, id)} identifies it. */
public record ImportItem(String id, String channel, String unitCode, String category, String procedureCode,
                         String dossierCode, OffsetDateTime receivedAt, List<TransferDto> transfers,
                         List<InfoRequestDto> infoRequests, OffsetDateTime refusedAt, OffsetDateTime answeredAt,
                         OffsetDateTime publishedAt, OffsetDateTime withdrawnAt, String rating, Boolean raisedAgain,
                         OffsetDateTime updatedAt) {}
