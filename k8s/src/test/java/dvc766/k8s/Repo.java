package dvc766.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files of the repository the manifests must agree with (services' configuration, contracts, docs). */
final class Repo {

    /** The five deployable components: module folder, artifactId (= image name), HTTP port. */
    record App(String name, String module, int port) {
        String envName() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }

        boolean usesDatabase() {
            return !"gateway".equals(name);
        }
    }

    static final List<App> APPS = List.of(
            new App("gateway", "gateway", 8080),
            new App("ingestion", "services/ingestion", 8081),
            new App("indicator", "services/indicator", 8082),
            new App("publication", "services/publication", 8083),
            new App("complaint", "services/complaint", 8084));

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{(DVC_[A-Z0-9_]+)(:?)");

    private Repo() {
    }

    static Path root() {
        String p = System.getProperty("dvc766.repo");
        return p != null ? Path.of(p).toAbsolutePath().normalize() : Path.of("..").toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties applicationProperties(App app) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(read(app.module() + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Environment variables the component's application.properties reads ({@code ${DVC_...}}). */
    static Set<String> envReadBy(App app) {
        return envRefs(app, false);
    }

    /** Those of them without a default ({@code ${DVC_X}}): the component cannot start without them. */
    static Set<String> envWithoutDefault(App app) {
        return envRefs(app, true);
    }

    private static Set<String> envRefs(App app, boolean onlyWithoutDefault) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ENV_REF.matcher(read(app.module() + "/src/main/resources/application.properties"));
        while (m.find()) {
            if (!onlyWithoutDefault || m.group(2).isEmpty()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The artifactId of the module's own pom (the first artifactId after the parent block). */
    static String artifactId(App app) {
        String pom = read(app.module() + "/pom.xml");
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
        if (!m.find()) {
            throw new AssertionError("no artifactId in " + app.module() + "/pom.xml");
        }
        return m.group(1);
    }

    /** Topic names of contracts/asyncapi.yaml (each channel's address). */
    static Set<String> asyncApiTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+address:\\s*['\"]?([A-Za-z0-9._-]+)").matcher(read("contracts/asyncapi.yaml"));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }
}
