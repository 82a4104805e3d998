package dvc766.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.datagen.Dossier;
import dvc766.datagen.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The datagen dossiers in the forms the benchmarks send: API JSON (batch and single), and CSV rows for COPY. */
public final class Dossiers {

    private Dossiers() {}

    /** The same dossier under another code (each phase and each run writes new dossiers, so every write creates). */
    public static Dossier withCode(Dossier d, String code) {
        return new Dossier(code, d.procedureCode(), d.unitCode(), d.channel(), d.receivedAt(), d.dueAt(), d.status(),
                d.finishedAt(), d.finishKind(), d.supplements(), d.syncedAt(), d.eResult(), d.inputsDigitized(),
                d.reusedData(), d.personalStoreLinked(), d.populationDataUsed(), d.feeAmount(), d.paidOnlineAt(),
                d.rating(), d.updatedAt());
    }

    /** {@code {"items":[…]}} of {@code POST /api/v1/dossiers:batch}. */
    public static byte[] batchBody(List<Dossier> items) {
        try {
            return Json.mapper().writeValueAsBytes(Map.of("items", items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of {@code PUT /api/v1/dossiers/{code}}: the dossier without its code. */
    public static byte[] singleBody(Dossier d) {
        ObjectNode node = Json.mapper().valueToTree(d);
        node.remove("code");
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Columns of the COPY baseline table, the shape of the ingestion service's {@code dossier} table. */
    public static final String COLUMNS = "code, procedure_code, unit_code, channel, received_at, due_at, status, finished_at,"
            + " finish_kind, supplements, synced_at, e_result, inputs_digitized, reused_data, personal_store_linked,"
            + " population_data_used, fee_amount, paid_online_at, rating, updated_at, revision, last_submission_id, changed_at";

    public static final String TABLE_DDL = """
            CREATE TABLE IF NOT EXISTS %s (
                code TEXT PRIMARY KEY, procedure_code TEXT NOT NULL, unit_code TEXT NOT NULL, channel TEXT NOT NULL,
                received_at TIMESTAMPTZ NOT NULL, due_at TIMESTAMPTZ, status TEXT NOT NULL, finished_at TIMESTAMPTZ,
                finish_kind TEXT, supplements JSONB NOT NULL, synced_at TIMESTAMPTZ, e_result BOOLEAN NOT NULL,
                inputs_digitized BOOLEAN NOT NULL, reused_data BOOLEAN NOT NULL, personal_store_linked BOOLEAN NOT NULL,
                population_data_used BOOLEAN NOT NULL, fee_amount NUMERIC NOT NULL, paid_online_at TIMESTAMPTZ,
                rating TEXT, updated_at TIMESTAMPTZ NOT NULL, revision BIGINT NOT NULL, last_submission_id UUID NOT NULL,
                changed_at TIMESTAMPTZ NOT NULL,
                CHECK ((finished_at IS NULL) = (finish_kind IS NULL)))""";

    /** One CSV line (COPY … FORMAT csv) in {@link #COLUMNS} order. */
    public static String csv(Dossier d) {
        StringBuilder b = new StringBuilder(400);
        b.append(d.code()).append(',').append(d.procedureCode()).append(',').append(d.unitCode()).append(',')
                .append(d.channel()).append(',').append(t(d.receivedAt())).append(',').append(t(d.dueAt())).append(',')
                .append(d.status()).append(',').append(t(d.finishedAt())).append(',')
                .append(d.finishKind() == null ? "" : d.finishKind()).append(',')
                .append(quoted(supplements(d))).append(',').append(t(d.syncedAt())).append(',')
                .append(d.eResult()).append(',').append(d.inputsDigitized()).append(',').append(d.reusedData()).append(',')
                .append(d.personalStoreLinked()).append(',').append(d.populationDataUsed()).append(',')
                .append(d.feeAmount()).append(',').append(t(d.paidOnlineAt())).append(',')
                .append(d.rating() == null ? "" : d.rating()).append(',').append(t(d.updatedAt())).append(",1,")
                .append(UUID.randomUUID()).append(',').append(t(d.updatedAt())).append('\n');
        return b.toString();
    }

    private static String supplements(Dossier d) {
        try {
            return Json.mapper().writeValueAsString(d.supplements());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String t(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
