package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A JSON failure is described by which field is wrong and why, in plain words: no Jackson or Java class names
 * (issue 10), and not the body itself.
 */
class JsonErrorsTest {

    enum Kind { CONTAINMENT, RECOVERY }

    record Alert(List<Integer> counts, Kind kind, Instant at, Map<Kind, String> details) {
    }

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private String describe(String body) {
        return JsonErrors.describe(catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Alert.class)));
    }

    @Test
    void describesTruncatedJsonByPosition() {
        assertThat(describe("{\"kind\":\"RECOVERY\"")).isEqualTo("the body ends before its JSON is complete (line 1, column 19)");
        assertThat(describe("{\"kind\": secret-token}")).startsWith("the body is not well-formed JSON (line 1")
                .doesNotContain("secret");
    }

    @Test
    void namesTheFieldAndWhatItMustBe() {
        assertThat(describe("{\"counts\":[1,\"x\"]}")).startsWith("counts[1] 'x' is not a whole number");
        assertThat(describe("{\"counts\":{}}")).startsWith("counts must be a list");
        assertThat(describe("{\"kind\":\"PRAY\"}")).startsWith("kind 'PRAY' is not one of [CONTAINMENT, RECOVERY]");
        assertThat(describe("{\"at\":\"yesterday\"}")).startsWith("at 'yesterday' is not a date-time in ISO 8601");
        assertThat(describe("{\"details\":{\"WEATHER\":\"sunny\"}}")).contains("'WEATHER' is not one of");
        assertThat(describe("{\"colour\":1}")).startsWith("colour is not a known field");
    }

    @Test
    void namesNoClassOfJacksonOrJava() {
        for (String body : List.of("{\"counts\":[1,\"x\"]}", "{\"kind\":\"PRAY\"}", "{\"at\":[]}", "{\"counts\":{}}",
                "{\"details\":{\"WEATHER\":\"sunny\"}}", "{\"colour\":1}", "[1]")) {
            assertThat(describe(body)).doesNotContain("java.", "com.fasterxml", "io.breachflow", "`", "JsonErrorsTest",
                    "Source:");
        }
    }
}
