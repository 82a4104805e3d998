package dvc766.publication.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Per-unit transaction locks. A unit change and a score change of the same unit both touch the unit's copied
 * name, level and parent; holding the unit's lock makes them take turns, across threads and instances.
 */
@ApplicationScoped
public class UnitLocks {


    private final DataSource ds;

    public UnitLocks(DataSource ds) {
        this.ds = ds;
    }

    /** Takes the locks (namespaced by schema: services may share one database) of these units until the current transaction ends, always in the same order (no deadlock). */
    public void lock(Collection<String> unitCodes) {
        Integer[] keys = unitCodes.stream().map(String::hashCode).distinct().sorted().toArray(Integer[]::new);
        if (keys.length == 0) return;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(pg_advisory_xact_lock(hashtext(current_schema() || '/unit'), k)) FROM unnest(?::int[]) AS t(k)")) {
            Array array = c.createArrayOf("int4", keys);
            ps.setArray(1, array);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
