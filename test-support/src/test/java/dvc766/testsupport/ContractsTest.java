package dvc766.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractsTest {

    private static final String SERVED = """
            {"openapi":"3.1.0","info":{"title":"other title","version":"9"},
             "paths":{"/things/{code}":{"get":{"summary":"prose may differ","operationId":"x",
               "parameters":[{"name":"code","in":"path","required":true,"schema":{"type":"string"}}],
               "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["code"],
               "properties":{"code":{"type":"string"},"count":{"type":"integer","format":"int32"}}}}}}
            """;

    @Test
    void sameShapeWithOtherProsePasses() {
        assertThatCode(() -> Contracts.assertOpenApiMatches("sample", SERVED)).doesNotThrowAnyException();
    }

    @Test
    void anUndeclaredOperationFails() {
        String served = SERVED.replace("\"/things/{code}\":{\"get\"", "\"/things/{code}\":{\"delete\":{\"responses\":{\"204\":{}}},\"get\"");
        assertThatThrownBy(() -> Contracts.assertOpenApiMatches("sample", served))
                .hasMessageContaining("served but not in contract: DELETE /things/{code}");
    }

    @Test
    void aChangedPropertyTypeFails() {
        String served = SERVED.replace("\"count\":{\"type\":\"integer\",\"format\":\"int32\"}", "\"count\":{\"type\":\"string\"}");
        assertThatThrownBy(() -> Contracts.assertOpenApiMatches("sample", served))
                .hasMessageContaining("count > type");
    }

    @Test
    void aMissingResponseCodeFails() {
        String served = SERVED.replace("\"200\":", "\"201\":");
        assertThatThrownBy(() -> Contracts.assertOpenApiMatches("sample", served))
                .hasMessageContaining("in contract but not served: GET /things/{code} > responses > 200");
    }
}
