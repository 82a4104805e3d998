package dvc766.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.domain.Violations;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The request records document the API in OpenAPI, the readers implement it: they must name the same fields,
 * or the contract would promise fields that are refused as unknown (or hide fields that are read).
 */
class RequestRecordsTest {

    private static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    private static Set<String> read(String json, BiConsumer<JsonInput, Violations> reader) throws Exception {
        Violations v = new Violations();
        JsonInput in = JsonInput.object(new ObjectMapper().readTree(json), "", "", v);
        reader.accept(in, v);
        return in.fieldsRead();
    }

    @Test
    void dossierRecordsNameTheFieldsTheReaderReads() throws Exception {
        Set<String> read = read("{}", (in, v) -> Readers.dossier(in, null, v));
        assertThat(components(DossierItem.class)).isEqualTo(read);
        assertThat(components(DossierRequest.class)).isEqualTo(read);
        Set<String> supplement = read("{\"supplements\":[{}]}", (in, v) -> Readers.dossier(in, null, v));
        assertThat(supplement).isEqualTo(read);
        assertThat(components(SupplementDto.class)).containsExactlyInAnyOrder("requestedAt", "returnedAt");
    }

    @Test
    void procedureRecordsNameTheFieldsTheReaderReads() throws Exception {
        Set<String> read = read("{}", (in, v) -> Readers.procedure(in, null, v));
        assertThat(components(ProcedureItem.class)).isEqualTo(read);
        assertThat(components(ProcedureRequest.class)).isEqualTo(read);
        assertThat(components(LegalTimeDto.class)).containsExactlyInAnyOrder("amount", "unit");
    }

    @Test
    void publishingDecisionRecordsNameTheFieldsTheReaderReads() throws Exception {
        Set<String> read = read("{}", (in, v) -> Readers.publishingDecision(in, null, v));
        assertThat(components(PublishingDecisionRequest.class)).isEqualTo(read);
        assertThat(components(PublishingDecisionProcedureDto.class))
                .containsExactlyInAnyOrder("procedureCode", "action", "madePublicAt");
    }

    @Test
    void unitRecordNamesTheFieldsTheReaderReads() throws Exception {
        assertThat(components(UnitRequest.class)).isEqualTo(read("{}", (in, v) -> Readers.unit(in, "x", v)));
    }

    @Test
    void unknownNestedFieldsAreReported() throws Exception {
        Violations v = new Violations();
        JsonInput in = JsonInput.object(new ObjectMapper().readTree(
                "{\"supplements\":[{\"requestedAt\":\"2026-01-01T00:00:00Z\",\"returnAt\":\"x\"}],\"legalTime\":{\"amount\":1,\"unit\":\"DAYS\",\"x\":1}}"),
                "", "", v);
        Readers.dossier(in, "c", v);
        Readers.procedure(in, "c", v);
        assertThat(v.list()).extracting(x -> x.field() + ":" + x.rule())
                .contains("supplements[0].returnAt:unknown", "legalTime.x:unknown");
    }
}
