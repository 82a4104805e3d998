package dvc766.kit.security;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the verified token says: client or user, the unit it acts for, its realm roles. */
public record Caller(String subject, String clientId, Optional<String> unitCode, Set<String> roles) {

    public boolean hasRole(String role) { return roles.contains(role); }
}
