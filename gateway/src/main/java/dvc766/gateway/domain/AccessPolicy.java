package dvc766.gateway.domain;

import java.util.Set;

/**
 * Who may pass the gateway, decided on the canonical path alone (never on the routing configuration, so a
 * misconfigured route cannot open the agency API):
 * <ul>
 *   <li>{@code /api} and below: a valid token that carries a {@code unit_code} or the role {@code admin}
 *       (the services then check the unit subtree precisely);</li>
 *   <li>{@code /api/v1/admin} and below: the role {@code admin};</li>
 *   <li>everything else the gateway routes (public API, portal): anonymous.</li>
 * </ul>
 */
public final class AccessPolicy {

    public enum Access { ANONYMOUS, TOKEN, ADMIN }

    public enum Outcome { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /** @param reason why it was refused, fit to show the caller; null when allowed */
    public record Decision(Outcome outcome, String reason) {
        static Decision allow() { return new Decision(Outcome.ALLOW, null); }
    }

    /** What the gateway knows of a caller once its token was verified; {@code unitCode} may be null. */
    public record Caller(boolean authenticated, String unitCode, Set<String> roles) {
        public static final Caller ANONYMOUS = new Caller(false, null, Set.of());
    }

    public static final String ADMIN_ROLE = "admin";

    private AccessPolicy() {}

    public static Access required(String path) {
        // "/api/v1/admin" as a raw prefix on purpose: "/api/v1/admin:x" or "/api/v1/adminx" count as admin too
        if (path.startsWith("/api/v1/admin")) {
            return Access.ADMIN;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Access.TOKEN;
        }
        return Access.ANONYMOUS;
    }

    public static Decision decide(Access required, Caller caller) {
        if (required == Access.ANONYMOUS) {
            return Decision.allow();
        }
        if (!caller.authenticated()) {
            return new Decision(Outcome.UNAUTHENTICATED, "a valid bearer token is required");
        }
        boolean admin = caller.roles().contains(ADMIN_ROLE);
        if (required == Access.ADMIN && !admin) {
            return new Decision(Outcome.FORBIDDEN, "this route needs the role admin");
        }
        if (!admin && (caller.unitCode() == null || caller.unitCode().isBlank())) {
            return new Decision(Outcome.FORBIDDEN, "the token carries no unit_code: it acts for no unit");
        }
        return Decision.allow();
    }
}
