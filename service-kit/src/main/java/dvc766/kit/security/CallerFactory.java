package dvc766.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Produces the {@link Caller} of the current request from the verified access token. */
public class CallerFactory {

    public static final String UNIT_CLAIM = "unit_code";

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller("anonymous", null, Optional.empty(), identity.getRoles());
        }
        String unit = jwt.getClaim(UNIT_CLAIM) == null ? null : jwt.getClaim(UNIT_CLAIM).toString();
        Object azp = jwt.getClaim("azp");
        return new Caller(jwt.getSubject(), azp == null ? null : azp.toString(),
                Optional.ofNullable(unit).filter(u -> !u.isBlank()), identity.getRoles());
    }
}
