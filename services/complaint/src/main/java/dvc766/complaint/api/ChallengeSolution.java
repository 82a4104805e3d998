package dvc766.complaint.api;

/** The proof of work: the nonce as issued and a solution found for it. */
public record ChallengeSolution(String nonce, String solution) {}
