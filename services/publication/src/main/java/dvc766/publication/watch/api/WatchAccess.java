package dvc766.publication.watch.api;

import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import dvc766.kit.security.Callers;
import dvc766.publication.watch.store.UnitTree;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who may see what (fail closed): role {@code admin} sees every unit; role {@code monitor} (the provincial office)
 * sees its {@code unit_code}'s subtree, or every unit when the token names none; role {@code official} sees its
 * {@code unit_code}'s subtree and nothing without one; any other caller gets 403. A requested {@code unit} must lie
 * inside what the caller sees, and narrows the answer to that unit's subtree.
 */
@ApplicationScoped
public class WatchAccess {

    /** The units an answer may cover: {@code root} and everything below it, or every unit when root is null. */
    public record Scope(String root, List<String> units) {

        public boolean everything() {
            return root == null;
        }
    }

    private final Callers callers;
    private final UnitTree tree;

    public WatchAccess(Callers callers, UnitTree tree) {
        this.callers = callers;
        this.tree = tree;
    }

    /** The caller's own scope root: null for every unit. */
    public String callerRoot() {
        Caller c = callers.current();
        if (c.hasRole("admin")) return null;
        if (c.hasRole("monitor")) return c.unitCode().orElse(null);
        if (c.hasRole("official")) {
            return c.unitCode().orElseThrow(() -> ProblemException.forbidden("the token names no unit (claim unit_code)"));
        }
        throw ProblemException.forbidden("the watch is for officials (role official or monitor) and administrators");
    }

    public String subject() {
        return callers.current().subject();
    }

    /** The scope of a request, narrowed to {@code unit} when given. */
    public Scope scope(String unit) {
        String root = callerRoot();
        if (unit == null) return new Scope(root, root == null ? null : tree.subtree(root));
        if (root != null && !tree.within(unit, root)) {
            throw ProblemException.forbidden("unit " + unit + " is outside the caller's units (" + root + " and below)");
        }
        return new Scope(unit, tree.subtree(unit));
    }

    /** Whether a unit scope (null = every unit) lies within what the caller sees. */
    public boolean sees(String callerRoot, String unitScope) {
        if (callerRoot == null) return true;
        return unitScope != null && tree.within(unitScope, callerRoot);
    }
}
