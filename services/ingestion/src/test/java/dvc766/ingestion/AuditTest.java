package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTest {

    private String id;

    @BeforeEach
    void aSubmission() {
        ensureTree();
        id = putDossier(snv(), unique("HS"), dossier(createProcedure("380"), "380")).then().statusCode(403)
                .extract().jsonPath().getString("instance").substring("/api/v1/submissions/".length());
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void submissionsCannotBeUpdated() {
        assertThatThrownBy(() -> exec("UPDATE submission SET outcome = 'ACCEPTED', effect = 'CREATED' WHERE id = '" + id + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(rows("SELECT outcome FROM submission WHERE id = ?::uuid", id).get(0)).containsEntry("outcome", "REJECTED");
    }

    @Test
    void submissionsCannotBeDeletedOrTruncated() {
        assertThatThrownBy(() -> exec("DELETE FROM submission WHERE id = '" + id + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> exec("TRUNCATE submission"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(count("SELECT count(*) FROM submission WHERE id = ?::uuid", id)).isEqualTo(1);
    }
}
