package dvc766.ingestion.api;

import dvc766.kit.security.Caller;
import dvc766.kit.security.CallerFactory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current request's {@link Caller}, built exactly as the kit's {@link CallerFactory} does. Workaround: the kit
 * produces {@code Caller} (a record, hence final) as a {@code @RequestScoped} bean, which ArC refuses to proxy, so
 * injecting it fails the build; until the kit changes, resources ask this bean instead.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller("anonymous", null, Optional.empty(), identity.getRoles());
        }
        Object unit = jwt.getClaim(CallerFactory.UNIT_CLAIM);
        Object azp = jwt.getClaim("azp");
        return new Caller(jwt.getSubject(), azp == null ? null : azp.toString(),
                Optional.ofNullable(unit).map(Object::toString).filter(u -> !u.isBlank()), identity.getRoles());
    }
}
