package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered object is of a kind we know and has only fields its published model or CRD knows. */
class ModelTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectReadsStrictly(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        assertThat(r.objects()).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode o : r.objects()) {
            String kind = o.path("kind").asText();
            String id = kind + "/" + o.path("metadata").path("name").asText();
            if (!ids.add(id)) {
                problems.add(id + " twice");
            }
            if (StrictModel.KINDS.containsKey(kind)) {
                StrictModel.Kind k = StrictModel.KINDS.get(kind);
                if (!k.apiVersion().equals(o.path("apiVersion").asText())) {
                    problems.add(id + ": apiVersion " + o.path("apiVersion").asText() + ", expected " + k.apiVersion());
                }
                try {
                    StrictModel.read(o, k.type());
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            } else if (CrdShapes.SHAPES.containsKey(kind)) {
                CrdShapes.violations(o).forEach(v -> problems.add(id + ": unknown field " + v));
            } else {
                problems.add(id + ": kind not known to the test");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLandsInTheOverlaysNamespace(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        String ns = r.ofKind("Namespace").get(0).path("metadata").path("name").asText();
        assertThat(ns).isEqualTo("dev".equals(overlay) ? "dvc766-dev" : "dvc766");
        assertThat(r.objects()).filteredOn(o -> !"Namespace".equals(o.path("kind").asText()))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).as(o.path("kind") + "/"
                        + o.path("metadata").path("name")).isEqualTo(ns));
    }

    /** The strict reading itself must fail on a misspelt field, or the test above proves nothing. */
    @org.junit.jupiter.api.Test
    void aMisspeltFieldIsCaught() throws Exception {
        JsonNode deployment = Kustomize.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}, periodSecond: 5}
                """).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StrictModel.read(deployment, io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .hasMessageContaining("periodSecond");
        JsonNode topic = Kustomize.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: 1, replica: 3}
                """).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StrictModel.read(topic, io.strimzi.api.kafka.model.topic.KafkaTopic.class))
                .hasMessageContaining("replica");
        JsonNode cluster = Kustomize.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: c}
                spec: {instances: 3, storage: {sise: 1Gi}}
                """).get(0);
        assertThat(CrdShapes.violations(cluster)).containsExactly("spec.storage.sise");
    }
}
