package dvc766.complaint.api;

/** A citizen's PAKN, anonymous: about a unit, optionally a procedure and a dossier; contact optional. */
public record SubmitRequest(String unitCode, String category, String procedureCode, String dossierCode, String text,
                            ContactDto contact, ChallengeSolution challenge) {}
