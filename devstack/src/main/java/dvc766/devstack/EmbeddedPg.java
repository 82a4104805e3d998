package dvc766.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL 17 (binaries from a Maven jar) for {@code ./dvc766} until the JVM is told to stop.
 *
 * <p>Usage: {@code EmbeddedPg <port> <dataDir> [<database> <user> <password>]}. The data directory survives restarts;
 * the role and database are created when missing. On SIGTERM/SIGINT a shutdown hook stops the postmaster with
 * {@code pg_ctl stop -m fast}, so the next start needs no crash recovery.
 */
public final class EmbeddedPg {

    /** Printed once the server accepts connections and the platform database exists; ./dvc766 waits for it. */
    public static final String READY = "DVC766 POSTGRES READY";

    private EmbeddedPg() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 5) {
            System.err.println("usage: EmbeddedPg <port> <dataDir> [<database> <user> <password>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        String database = args.length == 5 ? args[2] : "dvc";
        String user = args.length == 5 ? args[3] : "dvc";
        String password = args.length == 5 ? args[4] : "dvc";
        Files.createDirectories(dataDir);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // our own hook below closes it; zonky's hook could race it
                .setRegisterShutdownHook(false)
                // five services with a pool each, plus Flyway and psql sessions
                .setServerConfig("max_connections", "200")
                // zonky turns this off; keep "a 2xx means committed" true even if PostgreSQL itself crashes
                .setServerConfig("synchronous_commit", "on")
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping PostgreSQL on port " + port);
            try {
                pg.close();
                System.out.println("PostgreSQL stopped");
            } catch (Exception e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "dvc766-postgres-stop"));

        ensureDatabase(pg, database, user, password);
        System.out.println(READY + " port=" + port + " database=" + database + " user=" + user + " data=" + dataDir);
        System.out.flush();
        stopped.await();
    }

    /** Idempotent: creates the login role and the database it owns when they do not exist yet. */
    static void ensureDatabase(EmbeddedPostgres pg, String database, String user, String password) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                st.execute("CREATE ROLE " + ident(user) + " LOGIN PASSWORD " + literal(password));
                System.out.println("created role " + user);
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                // CREATE DATABASE cannot run inside a transaction; the connection is in auto-commit
                st.execute("CREATE DATABASE " + ident(database) + " OWNER " + ident(user) + " ENCODING 'UTF8'");
                System.out.println("created database " + database);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
