package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** No real secret in the repository: prod renders none; dev renders only marked placeholders. */
class SecretsTest {

    @Test
    void prodCommitsNoSecret() {
        assertThat(Kustomize.prod().ofKind("Secret")).isEmpty();
    }

    @Test
    void devSecretsAreMarkedPlaceholders() {
        var secrets = Kustomize.dev().typedAll("Secret", Secret.class);
        assertThat(secrets).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getMetadata().getAnnotations()).containsEntry("dvc766/dev-placeholder", "true");
            assertThat(s.getData()).as("use stringData, readable placeholders").isNullOrEmpty();
            s.getStringData().forEach((key, value) -> {
                if (key.equals("username")) {
                    return;
                }
                assertThat(plainOrDecoded(value)).as(s.getMetadata().getName() + "/" + key).contains("dev-placeholder");
            });
        });
    }

    /** A base64 key's placeholder mark is in its decoded bytes. */
    private static String plainOrDecoded(String value) {
        if (value.contains("dev-placeholder")) {
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return value;
        }
    }

    /** Every Secret a Deployment reads exists in dev, and is named in docs/operations.md for prod. */
    @Test
    void everySecretTheServicesReadIsProvided() {
        Set<String> read = new TreeSet<>();
        for (Deployment d : Kustomize.prod().typedAll("Deployment", Deployment.class)) {
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> read.add(e.getValueFrom().getSecretKeyRef().getName())));
        }
        assertThat(read).isNotEmpty();
        Set<String> inDev = new TreeSet<>();
        Kustomize.dev().ofKind("Secret").forEach(s -> inDev.add(s.path("metadata").path("name").asText()));
        assertThat(inDev).containsAll(read);
        String operations = Repo.read("docs/operations.md");
        assertThat(read).allSatisfy(name -> assertThat(operations).as("docs/operations.md names " + name).contains(name));
        // and the Secrets of the infrastructure's own (backups) are documented too
        for (JsonNode store : Kustomize.prod().ofKind("ObjectStore")) {
            String name = store.path("spec").path("configuration").path("s3Credentials").path("accessKeyId").path("name").asText();
            assertThat(operations).contains(name);
        }
    }
}
