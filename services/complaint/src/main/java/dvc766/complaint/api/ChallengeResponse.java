package dvc766.complaint.api;

import java.time.OffsetDateTime;

/**
 * A proof-of-work challenge: find a string {@code solution} such that SHA-256(nonce + ":" + solution) begins with
 * {@code difficulty} zero bits, and send both with the PAKN before {@code expiresAt}.
 */
public record ChallengeResponse(String nonce, int difficulty, String algorithm, OffsetDateTime expiresAt) {}
