package io.breachflow.dashboard.consume;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The notices' payloads: under PostgreSQL's 8000 bytes each, and together exactly the ids given. */
class ChangeNoticesTest {

    @Test
    void manyIdsAreSplitIntoPayloadsUnderTheLimitThatTogetherNameThemAll() {
        List<String> ids = IntStream.range(0, 2_000).mapToObj(i -> "inc-" + i + "-\u00e9\"quoted\"").toList();

        List<String> payloads = ChangeNotices.payloads(ids);

        assertThat(payloads).hasSizeGreaterThan(1);
        List<String> read = new ArrayList<>();
        for (String payload : payloads) {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
            read.addAll(ChangeNotices.incidentIds(payload).orElseThrow());
        }
        assertThat(read).isEqualTo(ids);
    }

    @Test
    void anIdNoNoticeCanCarryTurnsTheBatchIntoAReload() {
        List<String> payloads = ChangeNotices.payloads(List.of("inc-1", "x".repeat(8_000)));

        assertThat(payloads).containsExactly(ChangeNotices.RELOAD);
        assertThat(ChangeNotices.incidentIds(ChangeNotices.RELOAD)).isEmpty();
    }

    @Test
    void nothingChangedSendsNothing() {
        assertThat(ChangeNotices.payloads(List.of())).isEmpty();
    }
}
