package dvc766.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the whole platform once for the test run: {@code ./dvc766 up} before the first test class, {@code ./dvc766 down}
 * when the test plan ends (the root store closes it, failed tests included; a JVM shutdown hook covers an aborted
 * run). The stack has its own state folder ({@code e2e/target/stack}) and ports moved by 10000, so it runs beside a
 * developer's stack. The state folder is wiped first, so every run starts with empty PostgreSQL and Kafka; only
 * Keycloak's database is kept when it was made from the same realm file and Keycloak version (it holds no platform
 * data, and creating it costs a minute on a busy machine).
 *
 * <p>If {@code up} fails, every test class fails with the script's output: nothing is skipped.
 */
public final class Platform implements BeforeAllCallback {

    public static final Path REPO = Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();
    public static final Path HOME = Path.of(System.getProperty("e2e.home", REPO.resolve("e2e/target/stack").toString()))
            .toAbsolutePath().normalize();
    public static final int OFFSET = Integer.getInteger("e2e.portOffset", 10000);
    /** false: keep the state folder of the last run and reuse a stack that is still running (faster iterations). */
    static final boolean FRESH = !"false".equals(System.getProperty("e2e.fresh"));
    /** true: leave the stack running after the tests, for a look at it ({@code DVC_HOME=e2e/target/stack ./dvc766 down}). */
    static final boolean KEEP = "true".equals(System.getProperty("e2e.keep"));

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);
    private static final long UP_TIMEOUT_SECONDS = 420;

    public static String gateway() {
        return "http://localhost:" + (8080 + OFFSET);
    }

    /** The realm's issuer; tokens must be requested with this host name, which is the one the services trust. */
    public static String issuer() {
        return "http://localhost:" + (8180 + OFFSET) + "/realms/dvc";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Stack.class, k -> Stack.start(), Stack.class)
                .requireUp();
    }

    /** The running stack; closing it runs {@code ./dvc766 down}. */
    static final class Stack implements AutoCloseable {
        private final String failure;
        private boolean closed;
        private final Thread hook = new Thread(this::down, "e2e-dvc766-down");

        private Stack(String failure) {
            this.failure = failure;
        }

        static Stack start() {
            Stack stack;
            try {
                if (FRESH) {
                    // whatever an earlier, aborted run left behind, then a clean state folder
                    run(120, "down");
                    wipeState();
                }
                long t0 = System.nanoTime();
                Result up = run(UP_TIMEOUT_SECONDS, "up");
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                if (up.exitCode == 0) {
                    System.out.printf("[e2e] platform up in %.1f s (state %s)%n", ms / 1000.0, HOME);
                    stack = new Stack(null);
                } else {
                    stack = new Stack("./dvc766 up failed (exit " + up.exitCode + ") after " + ms + " ms; logs in "
                            + HOME.resolve("logs") + "\n" + up.output);
                }
            } catch (RuntimeException e) {
                stack = new Stack("could not run ./dvc766 up: " + e);
            }
            Runtime.getRuntime().addShutdownHook(stack.hook);
            return stack;
        }

        void requireUp() {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        @Override
        public void close() {
            down();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
        }

        private synchronized void down() {
            if (closed) {
                return;
            }
            closed = true;
            if (KEEP) {
                System.out.println("[e2e] e2e.keep=true: the stack stays up; stop it with DVC_HOME=" + HOME
                        + " DVC_PORT_OFFSET=" + OFFSET + " ./dvc766 down");
                return;
            }
            Result r = run(120, "down");
            if (r.exitCode != 0) {
                System.err.println("[e2e] ./dvc766 down failed:\n" + r.output);
            }
        }
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code ./dvc766 <command>} for the e2e state folder and ports; echoes and returns its output. */
    static Result run(long timeoutSeconds, String... command) {
        List<String> cmd = Stream.concat(Stream.of(REPO.resolve("dvc766").toString()), Stream.of(command)).toList();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DVC_HOME", HOME.toString());
        env.put("DVC_PORT_OFFSET", Integer.toString(OFFSET));
        // the e2e stack always runs its own PostgreSQL, never a developer's database
        env.remove("DVC_DB_URL");
        env.remove("DVC_DB_USER");
        env.remove("DVC_DB_PASSWORD");
        // the reactor built the services before this module; a missing jar is an error here, not a nested build
        env.put("DVC_NO_BUILD", "1");
        StringBuilder out = new StringBuilder();
        try {
            Process p = pb.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        System.out.println("[dvc766 " + command[0] + "] " + line);
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "dvc766-output");
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(2000);
                return new Result(-1, out + "\n(./dvc766 " + command[0] + " timed out after " + timeoutSeconds + " s)");
            }
            reader.join(5000);
            synchronized (out) {
                return new Result(p.exitValue(), out.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Empties the state folder, keeping {@code keycloak/} when its stamp matches the realm file and Keycloak version. */
    private static void wipeState() {
        if (!Files.isDirectory(HOME)) {
            return;
        }
        boolean keepKeycloak = keycloakStateCurrent();
        try (Stream<Path> children = Files.list(HOME)) {
            for (Path child : children.toList()) {
                if (keepKeycloak && child.getFileName().toString().equals("keycloak")) {
                    continue;
                }
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + HOME, e);
        }
        System.out.println("[e2e] state folder wiped" + (keepKeycloak ? " (Keycloak's database kept: same realm file and version)" : ""));
    }

    /** The stamp ./dvc766 writes when Keycloak creates its database: "sha256-of-realm-file keycloak-version". */
    private static boolean keycloakStateCurrent() {
        Path stamp = HOME.resolve("keycloak/realm-imported.txt");
        String version = System.getProperty("e2e.keycloakVersion");
        if (version == null || !Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            byte[] realm = Files.readAllBytes(REPO.resolve("k8s/keycloak/realm-dvc.json"));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realm));
            return Files.readString(stamp).trim().equals(sha + " " + version);
        } catch (IOException | NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
