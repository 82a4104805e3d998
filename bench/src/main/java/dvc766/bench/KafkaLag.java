package dvc766.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the platform's consumers (the indicator, the publication) are behind: the sum over every consumer group of
 * end offset minus committed offset. Zero twice in a row, with no new records meanwhile, means the platform has
 * caught up with what was sent, so the next phase does not pay for the previous one's background work.
 */
public final class KafkaLag implements AutoCloseable {

    private final Admin admin;

    public KafkaLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
    }

    /** Total lag over all groups and their partitions, and the sum of end offsets (to see whether anything moved). */
    public long[] lagAndEnd() throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (var g : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get();
            offsets.forEach((tp, om) -> { if (om != null) committed.merge(tp, om.offset(), Math::min); });
        }
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        long end = 0;
        for (var e : ends.entrySet()) {
            lag += Math.max(0, e.getValue().offset() - committed.get(e.getKey()));
            end += e.getValue().offset();
        }
        return new long[] {lag, end};
    }

    /** Waits until nothing is pending; returns the seconds waited (-1 if still busy at the limit). */
    public double waitQuiet(Duration limit) throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        long[] before = lagAndEnd();
        while (System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1000);
            long[] now = lagAndEnd();
            if (before[0] == 0 && now[0] == 0 && now[1] == before[1]) return (System.nanoTime() - start) / 1e9 - 1;
            before = now;
        }
        return -1;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
