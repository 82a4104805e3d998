package dvc766.datagen;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options of {@link DemoLoader}; every option has a default that fits {@code ./dvc766 up}. */
public record LoaderOptions(
        URI gateway,
        URI keycloak,
        long seed,
        int communesPerDistrict,
        int dossiersPerMonth,
        int months,
        OffsetDateTime now,
        int batchSize,
        int concurrency,
        String cliClientId,
        String adminUser,
        String adminPassword,
        String agencyClientId,
        String agencyClientSecret,
        int maxAttempts,
        Duration retryBase,
        Duration requestTimeout,
        boolean dryRun) {

    public static final int MAX_BATCH = 1000;

    static final String USAGE = """
            Usage: java -jar datagen.jar [options]
              --gateway URL                 platform entry point (default http://localhost:8080)
              --keycloak URL                realm URL (default http://localhost:8180/realms/dvc)
              --seed N                      random seed (default 766)
              --communes-per-district N     made-up communes under each district (default 10)
              --dossiers-per-month N        dossiers a month over the province (default 3000)
              --months N                    months of history back from now (default 6)
              --now ISO-8601                generation instant, for reproducible data (default: the current time)
              --batch-size N                items per batch request, at most 1000 (default 1000)
              --concurrency N               batch requests in flight (default 4)
              --cli-client ID               public client for the admin's password grant (default dvc-cli)
              --admin-user NAME             (default admin)
              --admin-password PW           (default admin)
              --agency-client ID            client-credentials client of the agency (default demo-agency)
              --agency-secret SECRET        (default demo-agency-secret)
              --max-attempts N              attempts per request on 429/502/503/504 and I/O errors (default 8)
              --retry-base-ms N             first back-off, doubled on each retry (default 500)
              --request-timeout-s N         per-request timeout (default 120)
              --dry-run                     generate and summarise, send nothing
              --help
            """;

    public static LoaderOptions defaults() {
        return new LoaderOptions(URI.create("http://localhost:8080"), URI.create("http://localhost:8180/realms/dvc"),
                DemoParams.DEFAULT_SEED, DemoParams.DEFAULT_COMMUNES_PER_DISTRICT, DemoParams.DEFAULT_DOSSIERS_PER_MONTH,
                DemoParams.DEFAULT_MONTHS, null, MAX_BATCH, 4, "dvc-cli", "admin", "admin", "demo-agency",
                "demo-agency-secret", 8, Duration.ofMillis(500), Duration.ofSeconds(120), false);
    }

    /** Parses {@code --name value} / {@code --name=value} pairs; throws IllegalArgumentException on a bad one. */
    public static LoaderOptions parse(String... args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("dry-run") || name.equals("help")) {
                value = "true";
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for --" + name);
                value = args[++i];
            }
            m.put(name, value);
        }
        if (m.containsKey("help")) throw new IllegalArgumentException("help");
        LoaderOptions d = defaults();
        LoaderOptions o = new LoaderOptions(
                uri(m.remove("gateway"), d.gateway()),
                uri(m.remove("keycloak"), d.keycloak()),
                lng(m.remove("seed"), "seed", d.seed()),
                integer(m.remove("communes-per-district"), "communes-per-district", d.communesPerDistrict(), 0, 999),
                integer(m.remove("dossiers-per-month"), "dossiers-per-month", d.dossiersPerMonth(), 0, Integer.MAX_VALUE),
                integer(m.remove("months"), "months", d.months(), 1, 120),
                now(m.remove("now")),
                integer(m.remove("batch-size"), "batch-size", d.batchSize(), 1, MAX_BATCH),
                integer(m.remove("concurrency"), "concurrency", d.concurrency(), 1, 64),
                m.getOrDefault("cli-client", d.cliClientId()),
                m.getOrDefault("admin-user", d.adminUser()),
                m.getOrDefault("admin-password", d.adminPassword()),
                m.getOrDefault("agency-client", d.agencyClientId()),
                m.getOrDefault("agency-secret", d.agencyClientSecret()),
                integer(m.remove("max-attempts"), "max-attempts", d.maxAttempts(), 1, 100),
                Duration.ofMillis(integer(m.remove("retry-base-ms"), "retry-base-ms", 500, 0, 600_000)),
                Duration.ofSeconds(integer(m.remove("request-timeout-s"), "request-timeout-s", 120, 1, 3600)),
                Boolean.parseBoolean(m.getOrDefault("dry-run", "false")));
        for (String k : new String[] {"cli-client", "admin-user", "admin-password", "agency-client", "agency-secret", "dry-run"}) {
            m.remove(k);
        }
        if (!m.isEmpty()) throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", m.keySet()));
        return o;
    }

    /** The generator parameters at {@code fallbackNow} unless {@code --now} was given. */
    public DemoParams params(OffsetDateTime fallbackNow) {
        return new DemoParams(seed, now != null ? now : fallbackNow, communesPerDistrict, dossiersPerMonth, months);
    }

    /** A copy with other endpoints (tests). */
    public LoaderOptions withEndpoints(URI gw, URI kc) {
        return new LoaderOptions(gw, kc, seed, communesPerDistrict, dossiersPerMonth, months, now, batchSize,
                concurrency, cliClientId, adminUser, adminPassword, agencyClientId, agencyClientSecret, maxAttempts,
                retryBase, requestTimeout, dryRun);
    }

    private static URI uri(String v, URI dflt) {
        if (v == null) return dflt;
        String s = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        URI u = URI.create(s);
        if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException("not an absolute URL: " + v);
        return u;
    }

    private static long lng(String v, String name, long dflt) {
        if (v == null) return dflt;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, was " + v);
        }
    }

    private static int integer(String v, String name, int dflt, int min, int max) {
        long l = lng(v, name, dflt);
        if (l < min || l > max) throw new IllegalArgumentException("--" + name + " must be in " + min + ".." + max + ", was " + v);
        return (int) l;
    }

    private static OffsetDateTime now(String v) {
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--now must be ISO-8601 with an offset (2026-11-29T10:00:00+07:00), was " + v);
        }
    }
}
