package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The five components: probes, resources, security, disruption budget, autoscaling, configuration. */
class ServicesTest {

    /**
     * Variables a component must be given in the cluster when its application.properties reads them: the addresses
     * and credentials (their defaults are the local ones of ./dvc766). Others with a default (topic names, CORS) are
     * optional; those without a default are required too.
     */
    private static final java.util.regex.Pattern CLUSTER_ENV = java.util.regex.Pattern.compile(
            "DVC_(DB_URL|DB_USER|DB_PASSWORD|KAFKA|OIDC_URL|[A-Z]+_PORT|[A-Z]+_URL)");

    static List<Arguments> appsInBothOverlays() {
        return Repo.APPS.stream().flatMap(a -> List.of(Arguments.of("dev", a), Arguments.of("prod", a)).stream())
                .toList();
    }

    private static Container container(Deployment d) {
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void probesOnTheQuarkusHealthEndpoints(String overlay, Repo.App app) {
        Container c = container(Kustomize.overlay(overlay).typed("Deployment", app.name(), Deployment.class));
        assertProbe(c.getStartupProbe(), "/q/health/started");
        assertProbe(c.getReadinessProbe(), "/q/health/ready");
        assertProbe(c.getLivenessProbe(), "/q/health/live");
        assertThat(c.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(app.port());
        });
        // the app listens where the probes and the Service look
        assertThat(env(c)).containsEntry("DVC_" + app.envName() + "_PORT", String.valueOf(app.port()));
        Service s = Kustomize.overlay(overlay).typed("Service", app.name(), Service.class);
        assertThat(s.getSpec().getSelector()).isEqualTo(Map.of("app.kubernetes.io/name", app.name()));
        assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(app.port());
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void requestsAndLimits(String overlay, Repo.App app) {
        var res = container(Kustomize.overlay(overlay).typed("Deployment", app.name(), Deployment.class)).getResources();
        for (String r : List.of("cpu", "memory")) {
            assertThat(res.getRequests()).as("requests " + r).containsKey(r);
            assertThat(res.getLimits()).as("limits " + r).containsKey(r);
            assertThat(Quantity.getAmountInBytes(res.getRequests().get(r)))
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(res.getLimits().get(r)));
        }
        // a JVM needs room: at least 512 MiB as a limit
        assertThat(Quantity.getAmountInBytes(res.getLimits().get("memory")).longValue()).isGreaterThanOrEqualTo(512L << 20);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void lockedDownPod(String overlay, Repo.App app) {
        Rendered r = Kustomize.overlay(overlay);
        Deployment d = r.typed("Deployment", app.name(), Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo(app.name());
        assertThat(r.typed("ServiceAccount", app.name(), ServiceAccount.class).getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container c = container(d);
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        // the only writable place: an emptyDir on /tmp
        assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo(c.getVolumeMounts().get(0).getName());
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void disruptionBudgetKeepsServing(String overlay, Repo.App app) {
        Rendered r = Kustomize.overlay(overlay);
        Deployment d = r.typed("Deployment", app.name(), Deployment.class);
        PodDisruptionBudget pdb = r.typed("PodDisruptionBudget", app.name(), PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(d.getSpec().getSelector().getMatchLabels());
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        int replicas = d.getSpec().getReplicas();
        int maxUnavailable = pdb.getSpec().getMaxUnavailable().getIntVal();
        if ("prod".equals(overlay)) {
            assertThat(replicas).as("prod replicas").isGreaterThanOrEqualTo(2);
            assertThat(replicas - maxUnavailable).as("pods left during a drain").isGreaterThanOrEqualTo(1);
        }
        // a rollout never takes a serving pod away before its successor is ready
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscalersForGatewayIngestionPublication(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        List<HorizontalPodAutoscaler> hpas = r.typedAll("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        assertThat(hpas).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "ingestion", "publication");
        for (HorizontalPodAutoscaler h : hpas) {
            assertThat(h.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            Deployment d = r.typed("Deployment", h.getSpec().getScaleTargetRef().getName(), Deployment.class);
            assertThat(h.getSpec().getMinReplicas()).isEqualTo(d.getSpec().getReplicas());
            assertThat(h.getSpec().getMaxReplicas()).isGreaterThan(h.getSpec().getMinReplicas());
            assertThat(h.getSpec().getMetrics()).isNotEmpty();
            if ("prod".equals(overlay)) {
                assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void givenEveryVariableItsConfigurationReads(String overlay, Repo.App app) {
        Rendered r = Kustomize.overlay(overlay);
        Map<String, String> env = env(container(r.typed("Deployment", app.name(), Deployment.class)));
        Set<String> read = Repo.envReadBy(app);
        Set<String> required = read.stream().filter(n -> CLUSTER_ENV.matcher(n).matches()).collect(Collectors.toSet());
        required.addAll(Repo.envWithoutDefault(app));
        assertThat(env.keySet()).as(app.name() + " reads " + read).containsAll(required);
        assertThat(env).containsKeys("DVC_OIDC_URL", "DVC_" + app.envName() + "_PORT");
        if (app.usesDatabase()) {
            assertThat(env).containsKeys("DVC_DB_URL", "DVC_DB_USER", "DVC_DB_PASSWORD", "DVC_KAFKA");
            assertThat(env.get("DVC_DB_USER")).isEqualTo("secret:dvc-db-" + app.name() + "/username");
            assertThat(env.get("DVC_DB_PASSWORD")).isEqualTo("secret:dvc-db-" + app.name() + "/password");
        }
        if (app.name().equals("complaint")) {
            // its default is the shipped development key, which the kube profile refuses
            assertThat(env.get("DVC_COMPLAINT_CONTACT_KEY")).startsWith("secret:");
        }
        // the kube profile (on top of prod) is what the services' %kube settings are written for
        assertThat(env.get("QUARKUS_PROFILE")).isEqualTo("prod,kube");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void gatewayBackendsAreTheServices(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        ConfigMap config = r.typed("ConfigMap", "dvc-config", ConfigMap.class);
        for (Repo.App app : Repo.APPS) {
            if (!app.name().equals("gateway")) {
                assertThat(config.getData()).containsEntry("DVC_" + app.envName() + "_URL",
                        "http://" + app.name() + ":" + app.port());
            }
        }
        Ingress ingress = r.typed("Ingress", "gateway", Ingress.class);
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(p -> assertThat(p.getBackend().getService().getName()).isEqualTo("gateway")));
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appsInBothOverlays")
    void imageNamedAfterTheModule(String overlay, Repo.App app) {
        String image = container(Kustomize.overlay(overlay).typed("Deployment", app.name(), Deployment.class)).getImage();
        String repository = image.substring(0, image.lastIndexOf(':'));
        // what `-Dquarkus.container-image.group=dvc766` builds: dvc766/<artifactId>:<version>
        assertThat(repository).endsWith("dvc766/" + Repo.artifactId(app));
        if ("dev".equals(overlay)) {
            assertThat(image).isEqualTo("dvc766/" + Repo.artifactId(app) + ":0.1.0-SNAPSHOT");
        }
    }

    static Map<String, String> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName,
                e -> e.getValue() != null ? e.getValue()
                        : e.getValueFrom().getSecretKeyRef() != null
                                ? "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()
                                : "configmap:" + e.getValueFrom().getConfigMapKeyRef().getName() + "/" + e.getValueFrom().getConfigMapKeyRef().getKey()));
    }
}
