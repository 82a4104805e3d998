package dvc766.ingestion.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every broken rule of a request instead of stopping at the first. Not thread-safe. */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    public void add(String field, String rule, String message) {
        list.add(new Violation(field, rule, message));
        fields.add(field);
    }

    public void addAll(List<Violation> violations) {
        violations.forEach(v -> add(v.field(), v.rule(), v.message()));
    }

    /** Whether the field already failed (so "required" is not added on top of a type error). */
    public boolean has(String field) { return fields.contains(field); }

    public boolean isEmpty() { return list.isEmpty(); }

    public List<Violation> list() { return List.copyOf(list); }
}
