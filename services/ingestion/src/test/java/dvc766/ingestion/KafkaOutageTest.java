package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.contracts.events.Topics;
import dvc766.testsupport.EmbeddedKafkaResource;
import dvc766.testsupport.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A write answered 2xx is committed with its event in the outbox; Kafka being down only delays the event. */
@QuarkusTest
class KafkaOutageTest {

    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    @Test
    void writesAreAcceptedWhileKafkaIsDownAndEmittedWhenItReturns() throws Exception {
        String code = unique("HS");
        EmbeddedKafkaResource.stopBroker();
        try {
            putDossier(province(), code, dossier(procedure, "380")).then().statusCode(201);
            Thread.sleep(1000);
            assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key = ? AND sent_at IS NULL", code)).isEqualTo(1);
        } finally {
            EmbeddedKafkaResource.startBroker();
        }
        assertThat(KafkaProbe.await(Topics.DOSSIERS, e -> code.equals(e.key()), 1, Duration.ofSeconds(90))).hasSize(1);
    }
}
