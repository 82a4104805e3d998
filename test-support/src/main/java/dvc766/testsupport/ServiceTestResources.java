package dvc766.testsupport;

/**
 * How a module registers the infrastructure once for all its tests (Quarkus then boots once per module):
 *
 * <pre>
 * &#64;WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
 * &#64;WithTestResource(value = EmbeddedKafkaResource.class, scope = TestResourceScope.GLOBAL)
 * &#64;WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
 * public class TestInfrastructure {}
 * </pre>
 *
 * and in {@code application.properties}:
 *
 * <pre>
 * %test.quarkus.oidc.auth-server-url=${keycloak.url}/realms/quarkus/
 * %test.quarkus.oidc.token.issuer=https://server.example.com
 * </pre>
 */
public final class ServiceTestResources {
    private ServiceTestResources() {}
}
