package dvc766.bench;

import java.util.Arrays;

/** Latencies of one measured phase, in nanoseconds, and how long the phase lasted: throughput and percentiles. */
public final class Stats {

    private long[] nanos = new long[1024];
    private int count;
    private int errors;
    private long wallNanos;
    private long items;

    public synchronized void record(long latencyNanos, long itemsDone) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = latencyNanos;
        items += itemsDone;
    }

    private final java.util.TreeMap<String, Integer> errorKinds = new java.util.TreeMap<>();

    public synchronized void error() {
        errors++;
    }

    /** An error of a kind ("HTTP 503", "timeout"), counted in {@link #errorSummary}. */
    public synchronized void error(String kind) {
        errors++;
        errorKinds.merge(kind, 1, Integer::sum);
    }

    /** "0", or the count with its kinds: "120 (HTTP 503: 100, timeout: 20)". */
    public synchronized String errorSummary() {
        if (errors == 0 || errorKinds.isEmpty()) return Integer.toString(errors);
        StringBuilder b = new StringBuilder();
        errorKinds.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return errors + " (" + b + ")";
    }

    public synchronized void wall(long nanos) {
        this.wallNanos = nanos;
    }

    public synchronized int count() { return count; }

    public synchronized int errors() { return errors; }

    public synchronized long items() { return items; }

    /** Items (requests, dossiers, rows) completed per second of the phase's wall time. */
    public synchronized double itemsPerSecond() {
        return wallNanos == 0 ? 0 : items * 1e9 / wallNanos;
    }

    /** Nearest-rank percentile in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMs(double p) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    public double p50() { return percentileMs(50); }

    public double p99() { return percentileMs(99); }

    public double maxMs() { return percentileMs(100); }

    @Override
    public String toString() {
        return String.format("n=%d errors=%d items/s=%.1f p50=%.1f ms p99=%.1f ms max=%.1f ms",
                count(), errors(), itemsPerSecond(), p50(), p99(), maxMs());
    }
}
