package dvc766.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The write paths use JDBC for state, audit and batched outbox rows, and the kit's outbox through JPA: all of it
 * must be one database transaction, so an event exists exactly when its change committed.
 */
@QuarkusTest
class TransactionTest {

    @Inject
    DataSource ds;

    @Inject
    EntityManager em;

    @Test
    void jdbcAndJpaShareOneDatabaseTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT txid_current()::text")) {
                rs.next();
                String jdbc = rs.getString(1);
                String jpa = (String) em.createNativeQuery("SELECT txid_current()::text").getSingleResult();
                assertThat(jpa).isEqualTo(jdbc);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
