package dvc766.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, from the verified access token. An application-scoped bean asked per
 * call (the injected identity is request-bound), so application-scoped resources never hold a stale caller.
 */
@ApplicationScoped
public class Callers {

    public static final String UNIT_CLAIM = "unit_code";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller("anonymous", null, Optional.empty(), identity.getRoles());
        }
        Object unit = jwt.getClaim(UNIT_CLAIM);
        Object azp = jwt.getClaim("azp");
        return new Caller(jwt.getSubject(), azp == null ? null : azp.toString(),
                Optional.ofNullable(unit).map(Object::toString).filter(u -> !u.isBlank()), identity.getRoles());
    }
}
