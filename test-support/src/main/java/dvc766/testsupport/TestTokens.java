package dvc766.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Access tokens as the realm {@code dvc} issues them, signed by the OIDC test server's key
 * ({@code OidcWiremockTestResource}): audience {@code dvc-api}, realm roles, {@code unit_code}.
 * The broken ones exist so tests can prove that each is refused.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "dvc-api";

    private TestTokens() {}

    /** An agency system's client-credentials token, acting for {@code unitCode} and the units below it. */
    public static String agency(String clientId, String unitCode) {
        return sign(base("service-account-" + clientId, clientId, List.of("agency")).claim("unit_code", unitCode));
    }

    public static String official(String username, String unitCode, String... roles) {
        return sign(base(username, "dvc-portal", List.of(roles)).claim("unit_code", unitCode));
    }

    public static String admin() {
        return sign(base("admin", "dvc-cli", List.of("admin")));
    }

    /** A valid token that carries no unit: it must write nothing. */
    public static String withoutUnit(String clientId) {
        return sign(base("service-account-" + clientId, clientId, List.of("agency")));
    }

    public static String expired(String unitCode) {
        return sign(base("service-account-x", "x", List.of("agency")).claim("unit_code", unitCode)
                .issuedAt(1_600_000_000L).expiresAt(1_600_000_300L));
    }

    public static String otherIssuer(String unitCode) {
        return sign(base("service-account-x", "x", List.of("agency")).issuer("https://evil.example.com")
                .claim("unit_code", unitCode));
    }

    public static String otherAudience(String unitCode) {
        return sign(base("service-account-x", "x", List.of("agency")).audience("some-other-api")
                .claim("unit_code", unitCode));
    }

    /** A well-formed token signed by a key the identity provider never published. */
    public static String foreignKey(String unitCode) {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return base("service-account-x", "x", List.of("agency")).claim("unit_code", unitCode)
                    .jws().keyId("1").sign(g.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was edited after signing (unit changed): the signature no longer holds. */
    public static String tampered(String signedForUnit, String claimedUnit) {
        String token = agency("x", signedForUnit);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"unit_code\":\"" + signedForUnit + "\"", "\"unit_code\":\"" + claimedUnit + "\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JwtClaimsBuilder base(String subject, String clientId, List<String> roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(600);
    }

    /** Signs with the key the OIDC test server publishes (kid "1"). */
    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
