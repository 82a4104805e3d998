package dvc766.publication.store;

/**
 * What a read shows, summarised: how many rows and the sum of their change numbers. Every write takes a new,
 * larger change number, so any change to a shown row, or a row entering or leaving, changes the fingerprint.
 */
public record Fingerprint(long rows, long changeSum) {

    public String tag(String prefix) {
        return prefix + "-" + rows + "-" + changeSum;
    }
}
