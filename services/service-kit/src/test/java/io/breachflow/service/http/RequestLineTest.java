package io.breachflow.service.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLineTest {

    @Test
    void acceptsOrdinaryTargets() {
        assertThat(RequestLine.refusal("/api/incidents?status=OPEN&limit=50&source=a%20b+c")).isEmpty();
        assertThat(RequestLine.refusal("/api/incidents/inc-%C3%A9/timeline")).isEmpty();
    }

    @Test
    void refusesBadEscapesByPosition() {
        assertThat(RequestLine.refusal("/api/%zz")).hasValueSatisfying(reason -> assertThat(reason).contains("position 5"));
        assertThat(RequestLine.refusal("/api/x?cursor=%4")).isPresent();
    }

    @Test
    void refusesControlsInPathAndNamesTheParameter() {
        assertThat(RequestLine.refusal("/api/incidents/%00/timeline"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("path").contains("U+0000"));
        assertThat(RequestLine.refusal("/api/incidents?cursor=abc%00def"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'cursor'").contains("U+0000"));
        assertThat(RequestLine.refusal("/api/incidents?source=%C2%85")).isPresent(); // C1 NEL, as UTF-8
    }
}
