package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A JSON failure is described by what broke and where, without Jackson's internals or the body itself. */
class JsonErrorsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void describesTruncatedJsonByPosition() {
        var error = catchThrowableOfType(JsonProcessingException.class, () -> json.readTree("{\"version\":\"4\""));
        assertThat(JsonErrors.describe(error))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (line 1, column 15)");
    }

    @Test
    void namesTheFieldPathOfAMismatch() {
        record Alert(List<Integer> counts) {
        }
        var error = catchThrowableOfType(JsonProcessingException.class,
                () -> json.readValue("{\"counts\":[1,\"x\"]}", Alert.class));
        assertThat(JsonErrors.describe(error)).contains("at counts.[1]").doesNotContain("Source:");
    }
}
