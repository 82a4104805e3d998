package dvc766.publication.domain;

import java.util.List;

/**
 * A score with the unit's place in the tree as it stood for the period's evaluation: its parent then (null for a root)
 * and every unit above it then, nearest first. Rankings follow this place, not the unit's current one.
 */
public record PlacedScore(Score score, String parentCode, List<String> ancestors) {

    public PlacedScore {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    public String unitCode() {
        return score.unitCode();
    }
}
