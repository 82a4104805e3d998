package dvc766.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-model loop for throughput: {@code concurrency} workers each run one operation after the other until the
 * time is up or the operations run out. Latency is from the start of an operation to its end (fine here: the
 * question is how much a sender gets through, and a slow answer simply delays that worker's next operation).
 */
public final class ClosedLoad {

    /** One operation; returns how many items it completed (dossiers, rows), or throws on failure. */
    @FunctionalInterface
    public interface Op {
        long run(int index) throws Exception;
    }

    private ClosedLoad() {}

    public static Stats run(int concurrency, int operations, Duration limit, Op op) throws InterruptedException {
        Stats stats = new Stats();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Thread> workers = new ArrayList<>();
        AtomicInteger reported = new AtomicInteger();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < operations) {
                    long t0 = System.nanoTime();
                    try {
                        long items = op.run(i);
                        stats.record(System.nanoTime() - t0, items);
                    } catch (Exception e) {
                        stats.error();
                        if (reported.getAndIncrement() < 3) System.err.println("  (operation " + i + " failed: " + e.getMessage() + ")");
                    }
                }
            }, "bench-worker-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) t.join();
        stats.wall(System.nanoTime() - start);
        return stats;
    }
}
