package dvc766.complaint.api;

/** The citizen's one rating of the answer; {@code raisedAgain} with an optional text raises the PAKN again. */
public record RatingRequest(String rating, Boolean raisedAgain, String text) {}
