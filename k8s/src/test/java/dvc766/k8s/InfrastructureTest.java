package dvc766.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kafka (Strimzi), PostgreSQL (CloudNativePG), Keycloak (its operator): shapes the services rely on. */
class InfrastructureTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aKafkaTopicForEveryAsyncApiChannel(String overlay) {
        List<KafkaTopic> topics = Kustomize.overlay(overlay).typedAll("KafkaTopic", KafkaTopic.class);
        assertThat(topics).extracting(t -> t.getSpec().getTopicName())
                .containsExactlyInAnyOrderElementsOf(Repo.asyncApiTopics());
        assertThat(topics).allSatisfy(t -> assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "dvc-kafka"));
        Map<String, Integer> partitions = topics.stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t.getSpec().getPartitions()));
        // dossiers carry the volume: their partitions bound the indicator's parallelism
        assertThat(partitions).containsEntry("dvc.dossiers.v1", 12);
        assertThat(partitions).allSatisfy((name, n) -> {
            assertThat(n).isPositive();
            if (!name.equals("dvc.dossiers.v1")) {
                assertThat(n).as(name).isLessThan(12);
            }
        });
    }

    @Test
    void prodKafkaIsThreeNodesReplicationThreeMinInsyncTwo() {
        Rendered prod = Kustomize.prod();
        KafkaNodePool pool = prod.typed("KafkaNodePool", "dual-role", KafkaNodePool.class);
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "dvc-kafka");
        Kafka kafka = prod.typed("Kafka", "dvc-kafka", Kafka.class);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3).containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        assertThat(kafka.getSpec().getKafka().getListeners()).anySatisfy(l -> assertThat(l.getPort()).isEqualTo(9092));
        assertThat(prod.typedAll("KafkaTopic", KafkaTopic.class)).allSatisfy(t -> {
            assertThat(t.getSpec().getReplicas()).isEqualTo(3);
            assertThat(t.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        });
    }

    @Test
    void devKafkaIsOneNodeWhoseTopicsFitIt() {
        Rendered dev = Kustomize.dev();
        assertThat(dev.typed("KafkaNodePool", "dual-role", KafkaNodePool.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.typed("Kafka", "dvc-kafka", Kafka.class).getSpec().getKafka().getConfig())
                .containsEntry("default.replication.factor", 1).containsEntry("min.insync.replicas", 1);
        assertThat(dev.typedAll("KafkaTopic", KafkaTopic.class)).allSatisfy(t -> {
            assertThat(t.getSpec().getReplicas()).isEqualTo(1);
            assertThat(t.getSpec().getConfig()).containsEntry("min.insync.replicas", 1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesReachTheirBrokerAndDatabaseByTheOperatorsServiceNames(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        JsonNode data = r.get("ConfigMap", "dvc-config").path("data");
        assertThat(data.path("DVC_KAFKA").asText()).isEqualTo("dvc-kafka-kafka-bootstrap:9092");
        assertThat(data.path("DVC_DB_URL").asText()).isEqualTo("jdbc:postgresql://dvc-db-rw:5432/dvc");
        assertThat(data.path("DVC_OIDC_URL").asText()).isEqualTo("http://dvc-keycloak-service:8080/realms/dvc");
        assertThat(r.get("Kafka", "dvc-kafka")).isNotNull();
        assertThat(r.get("Cluster", "dvc-db").path("spec").path("bootstrap").path("initdb").path("database").asText())
                .isEqualTo("dvc");
    }

    /** One database, one role and one schema per service: the schema the service's JDBC URL and Flyway use. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aRoleAndASchemaPerService(String overlay) {
        JsonNode spec = Kustomize.overlay(overlay).get("Cluster", "dvc-db").path("spec");
        List<String> sql = strings(spec.path("bootstrap").path("initdb").path("postInitApplicationSQL"));
        Map<String, String> roleSecrets = StreamSupport.stream(spec.path("managed").path("roles").spliterator(), false)
                .collect(Collectors.toMap(n -> n.path("name").asText(), n -> n.path("passwordSecret").path("name").asText()));
        List<String> services = new ArrayList<>();
        for (Repo.App app : Repo.APPS) {
            if (!app.usesDatabase()) {
                continue;
            }
            services.add(app.name());
            var props = Repo.applicationProperties(app);
            String schema = props.getProperty("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema");
            assertThat(props.getProperty("quarkus.flyway.schemas")).isEqualTo(schema);
            assertThat(sql).contains("CREATE ROLE " + app.name() + " LOGIN",
                    "CREATE SCHEMA " + schema + " AUTHORIZATION " + app.name());
            assertThat(roleSecrets).containsEntry(app.name(), "dvc-db-" + app.name());
        }
        assertThat(roleSecrets.keySet()).containsExactlyInAnyOrderElementsOf(services);
        assertThat(sql).contains("REVOKE ALL ON SCHEMA public FROM PUBLIC");
    }

    @Test
    void prodPostgresIsThreeSynchronousInstancesWithContinuousBackup() {
        Rendered prod = Kustomize.prod();
        JsonNode spec = prod.get("Cluster", "dvc-db").path("spec");
        assertThat(spec.path("instances").asInt()).isEqualTo(3);
        assertThat(spec.path("postgresql").path("synchronous").path("number").asInt()).isEqualTo(1);
        assertThat(spec.path("postgresql").path("synchronous").path("dataDurability").asText()).isEqualTo("required");
        for (String cluster : List.of("dvc-db", "dvc-keycloak-db")) {
            JsonNode c = prod.get("Cluster", cluster).path("spec");
            assertThat(c.path("instances").asInt()).as(cluster).isGreaterThanOrEqualTo(2);
            JsonNode plugin = c.path("plugins").get(0);
            assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
            String store = plugin.path("parameters").path("barmanObjectName").asText();
            assertThat(prod.get("ObjectStore", store)).isNotNull();
            assertThat(prod.ofKind("ScheduledBackup")).anySatisfy(b ->
                    assertThat(b.path("spec").path("cluster").path("name").asText()).isEqualTo(cluster));
        }
        assertThat(Kustomize.dev().get("Cluster", "dvc-db").path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakOnItsOwnDatabaseBehindTheIngress(String overlay) {
        Rendered r = Kustomize.overlay(overlay);
        JsonNode kc = r.get("Keycloak", "dvc-keycloak").path("spec");
        assertThat(kc.path("db").path("host").asText()).isEqualTo("dvc-keycloak-db-rw");
        assertThat(kc.path("db").path("usernameSecret").path("name").asText()).isEqualTo("dvc-keycloak-db-app");
        assertThat(kc.path("instances").asInt()).isGreaterThanOrEqualTo("prod".equals(overlay) ? 2 : 1);
        String hostname = kc.path("hostname").path("hostname").asText();
        assertThat(hostname).startsWith("https://");
        JsonNode ingress = r.get("Ingress", "keycloak").path("spec");
        assertThat("https://" + ingress.path("rules").get(0).path("host").asText()).isEqualTo(hostname);
        // the admin console is not published
        assertThat(strings(ingress.path("rules").get(0).path("http").path("paths").findValues("path").stream()
                .collect(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        com.fasterxml.jackson.databind.node.ArrayNode::add,
                        com.fasterxml.jackson.databind.node.ArrayNode::addAll)))
                .containsExactlyInAnyOrder("/realms/", "/resources/");
        assertThat(r.get("KeycloakRealmImport", "dvc-realm").path("spec").path("keycloakCRName").asText())
                .isEqualTo("dvc-keycloak");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
