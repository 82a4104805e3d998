package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The KeycloakRealmImport is generated from k8s/keycloak/realm-dvc.json (the realm ./dvc766 and e2e import) by
 * k8s/scripts/generate-realm-import.sh; this test fails while the two differ.
 */
class RealmImportTest {

    private static JsonNode realmFile() throws Exception {
        return new ObjectMapper().readTree(Repo.read("k8s/keycloak/realm-dvc.json"));
    }

    @Test
    void devImportIsTheRealmFile() throws Exception {
        JsonNode imported = Kustomize.dev().get("KeycloakRealmImport", "dvc-realm").path("spec").path("realm");
        assertThat(imported)
                .as("k8s/base/keycloak/realm-import.yaml is stale: run k8s/scripts/generate-realm-import.sh")
                .isEqualTo(realmFile());
    }

    /** Production keeps the realm minus its demo identities: no user, no client with a secret. */
    @Test
    void prodImportIsTheRealmWithoutDemoIdentities() throws Exception {
        ObjectNode expected = (ObjectNode) realmFile().deepCopy();
        expected.remove("users");
        ArrayNode clients = (ArrayNode) expected.path("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).has("secret")) {
                clients.remove(i);
            }
        }
        expected.put("displayName", "dvc766");
        ((ObjectNode) expected.path("attributes")).remove("dvc766.note");
        JsonNode imported = Kustomize.prod().get("KeycloakRealmImport", "dvc-realm").path("spec").path("realm");
        assertThat(imported).isEqualTo(expected);
        assertThat(imported.has("users")).isFalse();
        assertThat(imported.path("clients").findValues("secret")).isEmpty();
        assertThat(imported.path("clients")).isNotEmpty();
    }
}
