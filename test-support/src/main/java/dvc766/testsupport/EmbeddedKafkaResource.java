package dvc766.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, one per JVM. Tests of outages stop it with
 * {@link #stopBroker()} and bring it back, same ports and same data, with {@link #startBroker()}.
 */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static Properties props;
    private static KafkaRaftServer server;
    private static String bootstrap;

    public static synchronized String bootstrapServers() {
        if (props == null) {
            format();
            startBroker();
        }
        return bootstrap;
    }

    public static synchronized void startBroker() {
        if (server != null) return;
        server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
    }

    public static synchronized void stopBroker() {
        if (server == null) return;
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private static void format() {
        try {
            Path dir = Files.createTempDirectory("kraft");
            int broker = freePort();
            int controller = freePort();
            bootstrap = "127.0.0.1:" + broker;
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
            p.put("advertised.listeners", "PLAINTEXT://" + bootstrap);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", dir.resolve("data").toString());
            p.put("num.partitions", "3");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
            Path file = dir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, null);
            }
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()}, System.out);
            if (rc != 0) throw new IllegalStateException("kafka storage format failed: " + rc);
            props = p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers(), "DVC_KAFKA", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the JVM's lifetime, like the database
    }
}
