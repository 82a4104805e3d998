package dvc766.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict checks for the custom resources that have no model jar on Maven Central (CloudNativePG, its Barman Cloud
 * plugin, the Keycloak operator): every leaf field of a rendered object must be one of the paths below, each taken
 * from the operator's published CRD schema (CloudNativePG 1.30 postgresql.cnpg.io/v1, Keycloak operator 26
 * k8s.keycloak.org/v2alpha1, plugin-barman-cloud barmancloud.cnpg.io/v1). A path ending in ".*" admits any key
 * below it (free maps such as PostgreSQL parameters). A new field is added here after checking it in the CRD.
 */
final class CrdShapes {

    record Shape(String apiVersion, Set<String> paths) {
    }

    static final Map<String, Shape> SHAPES = Map.of(
            "Cluster", new Shape("postgresql.cnpg.io/v1", Set.of(
                    "spec.instances", "spec.imageName", "spec.primaryUpdateStrategy",
                    "spec.storage.size", "spec.storage.storageClass",
                    "spec.resources.requests.*", "spec.resources.limits.*",
                    "spec.postgresql.parameters.*",
                    "spec.postgresql.synchronous.method", "spec.postgresql.synchronous.number",
                    "spec.postgresql.synchronous.dataDurability",
                    "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner",
                    "spec.bootstrap.initdb.postInitApplicationSQL[]",
                    "spec.managed.roles[].name", "spec.managed.roles[].ensure", "spec.managed.roles[].login",
                    "spec.managed.roles[].inherit", "spec.managed.roles[].connectionLimit",
                    "spec.managed.roles[].passwordSecret.name",
                    "spec.affinity.enablePodAntiAffinity", "spec.affinity.topologyKey",
                    "spec.plugins[].name", "spec.plugins[].isWALArchiver", "spec.plugins[].parameters.*")),
            "ScheduledBackup", new Shape("postgresql.cnpg.io/v1", Set.of(
                    "spec.schedule", "spec.backupOwnerReference", "spec.cluster.name", "spec.method",
                    "spec.pluginConfiguration.name")),
            "ObjectStore", new Shape("barmancloud.cnpg.io/v1", Set.of(
                    "spec.retentionPolicy", "spec.configuration.destinationPath", "spec.configuration.endpointURL",
                    "spec.configuration.s3Credentials.accessKeyId.name",
                    "spec.configuration.s3Credentials.accessKeyId.key",
                    "spec.configuration.s3Credentials.secretAccessKey.name",
                    "spec.configuration.s3Credentials.secretAccessKey.key",
                    "spec.configuration.wal.compression", "spec.configuration.data.compression")),
            "Keycloak", new Shape("k8s.keycloak.org/v2alpha1", Set.of(
                    "spec.instances", "spec.image",
                    "spec.db.vendor", "spec.db.host", "spec.db.port", "spec.db.database",
                    "spec.db.usernameSecret.name", "spec.db.usernameSecret.key",
                    "spec.db.passwordSecret.name", "spec.db.passwordSecret.key",
                    "spec.http.httpEnabled", "spec.http.httpPort",
                    "spec.hostname.hostname", "spec.hostname.backchannelDynamic", "spec.hostname.strict",
                    "spec.proxy.headers", "spec.ingress.enabled",
                    "spec.resources.requests.*", "spec.resources.limits.*")),
            // spec.realm is a whole realm representation: RealmImportTest compares it with the realm file
            "KeycloakRealmImport", new Shape("k8s.keycloak.org/v2alpha1", Set.of(
                    "spec.keycloakCRName", "spec.realm.*")));

    private static final Set<String> METADATA = Set.of("metadata.name", "metadata.namespace", "metadata.labels.*",
            "metadata.annotations.*");

    private CrdShapes() {
    }

    /** The fields of {@code object} outside its kind's shape (empty = conforms). */
    static List<String> violations(JsonNode object) {
        String kind = object.path("kind").asText();
        Shape shape = SHAPES.get(kind);
        if (shape == null) {
            return List.of("no shape for kind " + kind);
        }
        List<String> bad = new ArrayList<>();
        if (!shape.apiVersion().equals(object.path("apiVersion").asText())) {
            bad.add("apiVersion " + object.path("apiVersion").asText() + " (expected " + shape.apiVersion() + ")");
        }
        object.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("apiVersion") && !e.getKey().equals("kind")) {
                leaves(e.getValue(), e.getKey(), shape.paths(), bad);
            }
        });
        return bad;
    }

    private static void leaves(JsonNode node, String path, Set<String> allowed, List<String> bad) {
        if (admitted(path, allowed)) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "." + e.getKey(), allowed, bad));
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(item -> leaves(item, path + "[]", allowed, bad));
        } else {
            bad.add(path);
        }
    }

    private static boolean admitted(String path, Set<String> allowed) {
        if (allowed.contains(path) || METADATA.contains(path)) {
            return true;
        }
        for (String a : allowed) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        for (String a : METADATA) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
