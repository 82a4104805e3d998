package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Default deny; only the gateway takes traffic from outside the namespace (the ingress controller's); each service
 * is reached only by the gateway and reaches only PostgreSQL, Kafka, Keycloak (and DNS, for every pod).
 */
class NetworkPolicyTest {

    private static final Map<String, String> DB = Map.of("cnpg.io/cluster", "dvc-db");
    private static final Map<String, String> KAFKA = Map.of("strimzi.io/cluster", "dvc-kafka", "strimzi.io/broker-role", "true");
    private static final Map<String, String> KEYCLOAK = Map.of("app.kubernetes.io/managed-by", "keycloak-operator");

    private static List<NetworkPolicy> policies(String overlay) {
        return Kustomize.overlay(overlay).typedAll("NetworkPolicy", NetworkPolicy.class);
    }

    /** The policies whose pod selector picks pods with these labels. */
    private static List<NetworkPolicy> selecting(List<NetworkPolicy> all, Map<String, String> podLabels) {
        return all.stream().filter(p -> matches(p.getSpec().getPodSelector(), podLabels)).toList();
    }

    private static boolean matches(LabelSelector s, Map<String, String> labels) {
        if (s == null) {
            return true;
        }
        boolean byLabels = s.getMatchLabels() == null || s.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        boolean byExpressions = s.getMatchExpressions() == null || s.getMatchExpressions().stream().allMatch(x ->
                switch (x.getOperator()) {
                    case "In" -> x.getValues().contains(labels.get(x.getKey()));
                    case "NotIn" -> !x.getValues().contains(labels.get(x.getKey()));
                    case "Exists" -> labels.containsKey(x.getKey());
                    case "DoesNotExist" -> !labels.containsKey(x.getKey());
                    default -> throw new AssertionError("operator " + x.getOperator());
                });
        return byLabels && byExpressions;
    }

    private static Map<String, String> podLabels(String overlay, String app) {
        return Kustomize.overlay(overlay).typed("Deployment", app, io.fabric8.kubernetes.api.model.apps.Deployment.class)
                .getSpec().getTemplate().getMetadata().getLabels();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void defaultDenyBothWays(String overlay) {
        NetworkPolicy deny = policies(overlay).stream().filter(p -> p.getMetadata().getName().equals("default-deny"))
                .findFirst().orElseThrow();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromOutside(String overlay) {
        List<NetworkPolicy> all = policies(overlay);
        for (Repo.App app : Repo.APPS) {
            Map<String, String> labels = podLabels(overlay, app.name());
            List<NetworkPolicy> mine = selecting(all, labels);
            assertThat(mine).as(app.name()).anySatisfy(p -> assertThat(p.getMetadata().getName()).isEqualTo(app.name()));
            List<NetworkPolicyPeer> from = mine.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                    : p.getSpec().getIngress().stream()).flatMap(r -> r.getFrom().stream()).toList();
            assertThat(from).as(app.name() + " ingress peers").isNotEmpty();
            assertThat(from).noneMatch(peer -> peer.getIpBlock() != null);
            if (app.name().equals("gateway")) {
                assertThat(from).allSatisfy(peer -> {
                    assertThat(peer.getPodSelector()).isNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsOnlyKeys("kubernetes.io/metadata.name");
                });
            } else {
                // reached by the gateway only, from this namespace
                assertThat(from).allSatisfy(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "gateway"));
                });
            }
            mine.stream().filter(p -> p.getSpec().getIngress() != null).flatMap(p -> p.getSpec().getIngress().stream())
                    .forEach(r -> assertThat(r.getPorts()).extracting(p -> p.getPort().getIntVal())
                            .as(app.name() + " ingress ports").containsOnly(app.port()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceReachesOnlyWhatItNeeds(String overlay) {
        List<NetworkPolicy> all = policies(overlay);
        for (Repo.App app : Repo.APPS) {
            List<NetworkPolicyPeer> to = selecting(all, podLabels(overlay, app.name())).stream()
                    .filter(p -> p.getSpec().getEgress() != null).flatMap(p -> p.getSpec().getEgress().stream())
                    .flatMap(r -> r.getTo().stream()).toList();
            assertThat(to).noneMatch(peer -> peer.getIpBlock() != null);
            List<Map<String, String>> inNamespace = to.stream().filter(peer -> peer.getNamespaceSelector() == null)
                    .map(peer -> peer.getPodSelector().getMatchLabels()).toList();
            if (app.name().equals("gateway")) {
                List<Map<String, String>> expected = new java.util.ArrayList<>(Repo.APPS.stream()
                        .filter(a -> !a.name().equals("gateway"))
                        .map(a -> Map.of("app.kubernetes.io/name", a.name())).toList());
                expected.add(KEYCLOAK);
                assertThat(inNamespace).containsExactlyInAnyOrderElementsOf(expected);
            } else {
                assertThat(inNamespace).containsExactlyInAnyOrder(DB, KAFKA, KEYCLOAK);
            }
            // outside the namespace: DNS only
            assertThat(to.stream().filter(peer -> peer.getNamespaceSelector() != null))
                    .allSatisfy(peer -> {
                        assertThat(peer.getNamespaceSelector().getMatchLabels())
                                .isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
                        assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of("k8s-app", "kube-dns"));
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDatabaseOfTheServicesIsNotOpenToKeycloakNorKeycloaksToTheServices(String overlay) {
        List<NetworkPolicy> all = policies(overlay);
        var appPod = podLabels(overlay, "ingestion");
        List<NetworkPolicy> keycloakDb = selecting(all, Map.of("cnpg.io/cluster", "dvc-keycloak-db"));
        assertThat(keycloakDb.stream().filter(p -> p.getSpec().getIngress() != null)
                .flatMap(p -> p.getSpec().getIngress().stream()).flatMap(r -> r.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null))
                .noneMatch(peer -> matches(peer.getPodSelector(), appPod));
        List<NetworkPolicy> dvcDb = selecting(all, DB);
        assertThat(dvcDb.stream().filter(p -> p.getSpec().getIngress() != null)
                .flatMap(p -> p.getSpec().getIngress().stream()).flatMap(r -> r.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null))
                .noneMatch(peer -> matches(peer.getPodSelector(), KEYCLOAK));
    }
}
