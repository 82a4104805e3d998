package dvc766.gateway.domain;

import static dvc766.gateway.domain.AccessPolicy.Access.ADMIN;
import static dvc766.gateway.domain.AccessPolicy.Access.ANONYMOUS;
import static dvc766.gateway.domain.AccessPolicy.Access.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.gateway.domain.AccessPolicy.Caller;
import dvc766.gateway.domain.AccessPolicy.Outcome;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void accessFollowsThePath() {
        assertThat(AccessPolicy.required("/api/v1/dossiers/D1")).isEqualTo(TOKEN);
        assertThat(AccessPolicy.required("/api")).isEqualTo(TOKEN);
        assertThat(AccessPolicy.required("/api/v2/anything")).isEqualTo(TOKEN);
        assertThat(AccessPolicy.required("/api/v1/admin/units/38")).isEqualTo(ADMIN);
        assertThat(AccessPolicy.required("/api/v1/admin")).isEqualTo(ADMIN);
        assertThat(AccessPolicy.required("/api/v1/admin:recompute")).isEqualTo(ADMIN);
        assertThat(AccessPolicy.required("/public/v1/units")).isEqualTo(ANONYMOUS);
        assertThat(AccessPolicy.required("/")).isEqualTo(ANONYMOUS);
        assertThat(AccessPolicy.required("/apix")).isEqualTo(ANONYMOUS);
    }

    @Test
    void decisions() {
        Caller agency = new Caller(true, "38", Set.of("agency"));
        Caller noUnit = new Caller(true, null, Set.of("agency"));
        Caller blankUnit = new Caller(true, " ", Set.of("agency"));
        Caller admin = new Caller(true, null, Set.of("admin"));
        Caller monitor = new Caller(true, "38", Set.of("monitor"));

        assertThat(AccessPolicy.decide(ANONYMOUS, Caller.ANONYMOUS).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(TOKEN, Caller.ANONYMOUS).outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(AccessPolicy.decide(ADMIN, Caller.ANONYMOUS).outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(AccessPolicy.decide(TOKEN, agency).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(TOKEN, noUnit).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(AccessPolicy.decide(TOKEN, blankUnit).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(AccessPolicy.decide(TOKEN, admin).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(ADMIN, agency).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(AccessPolicy.decide(ADMIN, monitor).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(AccessPolicy.decide(ADMIN, admin).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(TOKEN, noUnit).reason()).contains("unit_code");
    }
}
