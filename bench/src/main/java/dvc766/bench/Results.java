package dvc766.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Result lines: printed, and appended as Markdown table rows to the results file that bench/run collects. */
public final class Results {

    private final Path file;

    public Results(Path file) {
        this.file = file;
    }

    /** Every table gets a last column: the machine's 1-minute load average when the row ended (2 cores here). */
    public void heading(String title, String... cols) {
        String[] columns = java.util.Arrays.copyOf(cols, cols.length + 1);
        columns[cols.length] = "load";
        append("\n### " + title + "\n\n| " + String.join(" | ", columns) + " |\n|"
                + "---|".repeat(columns.length) + "\n");
    }

    public void row(Object... cells) {
        StringBuilder b = new StringBuilder("|");
        for (Object c : cells) b.append(' ').append(c).append(" |");
        append(b.append(' ').append(load()).append(" |\n").toString());
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    public void note(String text) {
        append("\n" + text + "\n");
    }

    /** A row for a latency/throughput phase: what, throughput, p50, p99, max, count, errors. */
    public void stats(String what, String unit, Stats s) {
        row(what, String.format("%.0f %s/s", s.itemsPerSecond(), unit), ms(s.p50()), ms(s.p99()), ms(s.maxMs()),
                s.count(), s.errorSummary());
    }

    static String ms(double v) {
        if (Double.isNaN(v)) return "–";
        return v < 10 ? String.format("%.2f ms", v) : String.format("%.0f ms", v);
    }

    private synchronized void append(String text) {
        System.out.print(text);
        System.out.flush();
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
