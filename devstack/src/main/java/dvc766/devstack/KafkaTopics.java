package dvc766.devstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics before any service starts, so that no consumer subscribes to a topic that does not
 * exist yet: an auto-created topic is found by consumers only after a metadata refresh and a rebalance, which made
 * the first events of a fresh stack take seconds.
 *
 * <p>Usage: {@code KafkaTopics <bootstrap> <partitions> <topic>...}. Idempotent.
 */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: KafkaTopics <bootstrap> <partitions> <topic>...");
            System.exit(2);
        }
        int partitions = Integer.parseInt(args[1]);
        List<String> wanted = Arrays.asList(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : wanted) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, (short) 1));
                }
            }
            for (var e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get(30, TimeUnit.SECONDS);
                    System.out.println("created topic " + e.getKey() + " (" + partitions + " partitions)");
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                }
            }
            System.out.println("topics ready: " + String.join(", ", wanted));
        }
    }
}
