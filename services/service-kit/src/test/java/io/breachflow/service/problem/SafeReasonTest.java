package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeReasonTest {

    private static final String KEY = "alertmanager:{}:{alertname=\"x\", email=\"ada@example.org\"}";
    private static final String STATEMENT = "INSERT INTO incident_view (incident_id, correlation_key) VALUES ('i-1', '" + KEY + "')";

    @Test
    void a_postgres_refusal_keeps_its_state_and_schema_names_but_not_the_statement_or_the_key() {
        PSQLException refused = new PSQLException(serverError(), true);

        String reason = SafeReason.of(refused);

        assertThat(refused.getMessage()).contains("ada@example.org"); // what the driver would have let through
        assertThat(reason).isEqualTo("PSQLException (SQLState 23505, constraint incident_view_correlation_key_key,"
                + " table incident_view, column correlation_key)");
    }

    @Test
    void a_failed_batch_takes_the_state_from_its_next_exception_and_drops_the_statement() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 " + STATEMENT + " was aborted: ERROR: "
                + "duplicate key value violates unique constraint\n  Detail: Key (correlation_key)=(" + KEY + ") already exists.",
                new int[0]);
        batch.setNextException(new PSQLException(serverError(), true));

        String reason = SafeReason.of(batch);

        assertThat(reason).startsWith("BatchUpdateException (SQLState 23505, constraint incident_view_correlation_key_key")
                .doesNotContain("ada@example.org").doesNotContain("alertname").doesNotContain("INSERT");
    }

    @Test
    void a_driver_exception_without_server_fields_gives_kind_and_state_only() {
        SQLException refused = new PSQLException("ERROR: invalid byte sequence; " + STATEMENT, PSQLState.DATA_ERROR);

        assertThat(SafeReason.of(refused)).isEqualTo("PSQLException (SQLState 22000)");
    }

    @Test
    void a_wrapped_sql_failure_names_every_kind_and_no_message() {
        RuntimeException wrapped = new IllegalStateException("could not append " + KEY,
                new SQLException("ERROR at " + STATEMENT, "23505"));

        assertThat(SafeReason.of(wrapped)).isEqualTo("IllegalStateException caused by SQLException (SQLState 23505)");
    }

    @Test
    void a_json_failure_gives_the_field_path_and_position_but_not_the_token() {
        String json = "{\"labels\": {\"ada@example.org\": 1}, \"title\": ada@example.org}";

        assertThatThrownBy(() -> new ObjectMapper().readValue(json, Map.class))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(failure -> assertThat(SafeReason.of(failure))
                        .startsWith("JsonParseException (line 1").doesNotContain("ada"));
    }

    @Test
    void a_field_name_that_is_not_an_identifier_is_not_repeated() {
        assertThat(SafeReason.identifier("correlationKey")).isEqualTo("correlationKey");
        assertThat(SafeReason.identifier("ada@example.org")).isEqualTo("?");
    }

    @Test
    void our_own_exceptions_keep_their_message() {
        class Refused extends RuntimeException implements SafeMessage {
            Refused() {
                super("incident i-1 has no view");
            }
        }

        assertThat(SafeReason.of(new Refused())).isEqualTo("incident i-1 has no view");
        assertThat(SafeReason.of(new IllegalArgumentException(KEY))).isEqualTo("IllegalArgumentException");
    }

    // The fields as PostgreSQL sends them: S severity, C state, M message, D detail, t table, c column, n constraint.
    private static ServerErrorMessage serverError() {
        return new ServerErrorMessage("SERROR\0VERROR\0C23505\0Mduplicate key value violates unique constraint"
                + " \"incident_view_correlation_key_key\"\0DKey (correlation_key)=(" + KEY + ") already exists.\0"
                + "sincident\0tincident_view\0ccorrelation_key\0nincident_view_correlation_key_key\0");
    }
}
