package dvc766.bench;

import java.nio.file.Path;

/**
 * Where the stack under test listens: the ports of ./dvc766 moved by its DVC_PORT_OFFSET, and the floor server's port.
 */
public record Setup(int offset, int floorPort, Path results) {

    public String gateway() { return "http://localhost:" + (8080 + offset); }

    public String ingestion() { return "http://localhost:" + (8081 + offset); }

    public String publication() { return "http://localhost:" + (8083 + offset); }

    public String floor() { return "http://127.0.0.1:" + floorPort; }

    /** The realm's issuer, with the host name the services trust. */
    public String issuer() { return "http://localhost:" + (8180 + offset) + "/realms/dvc"; }

    public String jdbcUrl() { return "jdbc:postgresql://127.0.0.1:" + (5433 + offset) + "/dvc"; }

    public String kafka() { return "127.0.0.1:" + (9092 + offset); }
}
