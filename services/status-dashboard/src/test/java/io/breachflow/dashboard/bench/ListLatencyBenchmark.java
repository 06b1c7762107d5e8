package io.breachflow.dashboard.bench;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.dashboard.projection.IncidentStatus;
import io.breachflow.dashboard.query.Cursor;
import io.breachflow.dashboard.query.IncidentFilter;
import io.breachflow.dashboard.query.IncidentListQuery;
import io.breachflow.dashboard.query.IncidentSort;
import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident list at a million incidents (DESIGN §8: a benchmark, never a timed test; tagged {@code benchmark}
 * and left out of the normal build). Loads 1,000,000 generated incidents (a third with an obligation) into a scratch
 * database migrated by the real Flyway scripts, then times the real query code ({@link IncidentListQuery}) for a
 * first page and for deep cursor pages with filters, next to a raw baseline in the same run: the bare
 * {@code SELECT * FROM incident_view ORDER BY opened_at DESC, incident_id DESC LIMIT 50}. Run it with
 * <pre>./mvnw -B -o -q verify -pl services/status-dashboard -am -Dtest=ListLatencyBenchmark
 *   -Dsurefire.failIfNoSpecifiedTests=false -Ddashboard.excluded-groups=none</pre>
 */
@Tag("benchmark")
class ListLatencyBenchmark {

    private static final int INCIDENTS = Integer.getInteger("bench.incidents", 1_000_000);
    private static final int WARMUP = 100;
    private static final int RUNS = 1_000;

    @Test
    void listLatencyAtAMillionIncidents() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        String database = postgres.createFreshDatabase("dashboard_bench");
        try {
            String url = postgres.jdbcUrl(database);
            Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
            try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
                long loadStart = System.nanoTime();
                load(connection);
                System.out.printf("loaded %,d incidents in %.1f s%n", INCIDENTS, (System.nanoTime() - loadStart) / 1e9);
                measure(connection);
            }
        } finally {
            postgres.dropDatabase(database);
        }
    }

    private static void load(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            // Generated server-side: the fastest bulk load there is, and no Java in the loop.
            statement.execute("INSERT INTO incident_view (incident_id, status, harm, severity, title, source_system,"
                    + " correlation_key, opened_at, detections_count, triage_verdict, assignee, last_sequence,"
                    + " last_event_at, triaged_at, last_verdict, next_due_sort)"
                    + " SELECT 'inc-' || lpad(i::text, 8, '0'),"
                    + " (ARRAY['OPEN','CONFIRMED','FALSE_POSITIVE','RESOLVED','CLOSED'])[1 + i % 5],"
                    + " (ARRAY['DISCLOSURE','LOSS','DAMAGE'])[1 + i % 3],"
                    + " (ARRAY['INFO','LOW','MEDIUM','HIGH','CRITICAL'])[1 + (i / 7) % 5],"
                    + " 'incident ' || i, (ARRAY['alertmanager','grafana','elastic','splunk','wazuh'])[1 + i % 5],"
                    + " 'key-' || i, timestamptz '2026-01-01' + i * interval '17 seconds', 1 + i % 4,"
                    + " CASE WHEN i % 5 = 1 THEN 'CONFIRMED' END, 'responder-' || (i % 100) || '@example.org', 3,"
                    + " timestamptz '2026-01-01' + i * interval '17 seconds', NULL, NULL,"
                    + " CASE WHEN i % 3 = 0 THEN timestamptz '2026-01-04' + i * interval '17 seconds' ELSE 'infinity' END"
                    + " FROM generate_series(1, " + INCIDENTS + ") AS i");
            statement.execute("INSERT INTO incident_obligation (incident_id, obligation_id, kind, recipient,"
                    + " rule_citation, due_at, state) SELECT incident_id, 'cac', 'REGULATOR_NOTIFICATION', 'CAC',"
                    + " 'PIPL Art. 57', next_due_sort, 'OPEN' FROM incident_view WHERE next_due_sort <> 'infinity'");
            statement.execute("VACUUM ANALYZE incident_view");
            statement.execute("VACUUM ANALYZE incident_obligation");
        }
    }

    private static void measure(Connection connection) throws Exception {
        IncidentFilter first = filter(IncidentSort.NEWEST_FIRST, Optional.empty(), Optional.empty(), Optional.empty());
        IncidentFilter confirmedDisclosures = filter(IncidentSort.NEWEST_FIRST, Optional.of(IncidentStatus.CONFIRMED),
                Optional.of(HarmKind.DISCLOSURE), Optional.empty());
        Cursor deep = cursorAt(connection, confirmedDisclosures, 50_000); // ~ row 750,000 of the whole list
        IncidentFilter deepFiltered = filter(IncidentSort.NEWEST_FIRST, Optional.of(IncidentStatus.CONFIRMED),
                Optional.of(HarmKind.DISCLOSURE), Optional.of(deep));
        IncidentFilter bySeverity = filter(IncidentSort.MOST_SEVERE_FIRST, Optional.empty(), Optional.empty(), Optional.empty());
        Cursor deepSeverity = cursorAt(connection, bySeverity, 600_000);
        IncidentFilter deepSeverityPage = filter(IncidentSort.MOST_SEVERE_FIRST, Optional.empty(), Optional.empty(),
                Optional.of(deepSeverity));
        IncidentFilter byDeadline = filter(IncidentSort.NEXT_DEADLINE, Optional.empty(), Optional.empty(), Optional.empty());

        try (PreparedStatement raw = connection.prepareStatement(
                "SELECT * FROM incident_view ORDER BY opened_at DESC, incident_id DESC LIMIT 50")) {
            Latencies baseline = Latencies.measure(WARMUP, RUNS, () -> drain(raw));
            System.out.printf("%n=== incident list, %,d incidents, %d runs each ===%n", INCIDENTS, RUNS);
            System.out.printf("raw baseline  SELECT * ORDER BY opened_at DESC LIMIT 50: p50 %.3f ms  p99 %.3f ms%n",
                    baseline.p50Millis(), baseline.p99Millis());
            report("first page, -openedAt          ", connection, first, baseline);
            report("deep cursor, status+harm filter", connection, deepFiltered, baseline);
            report("deep cursor, -severity         ", connection, deepSeverityPage, baseline);
            report("first page, nextDeadline       ", connection, byDeadline, baseline);
        }
    }

    private static void report(String name, Connection connection, IncidentFilter filter, Latencies baseline) throws Exception {
        assertThat(IncidentListQuery.page(connection, filter).items()).hasSize(50);
        Latencies latencies = Latencies.measure(WARMUP, RUNS, () -> IncidentListQuery.page(connection, filter));
        System.out.println(name + "  " + latencies.against(baseline));
    }

    private static IncidentFilter filter(IncidentSort sort, Optional<IncidentStatus> status, Optional<HarmKind> harm,
                                         Optional<Cursor> after) {
        return new IncidentFilter(status, harm, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                sort, after, 50);
    }

    /** The cursor after {@code pages} pages of 50: walked once (setup, not timed), as a client would. */
    private static Cursor cursorAt(Connection connection, IncidentFilter filter, int rows) throws Exception {
        IncidentFilter big = new IncidentFilter(filter.status(), filter.harm(), filter.severity(), filter.source(),
                filter.assignee(), filter.overdue(), filter.sort(), Optional.empty(), 500);
        Cursor cursor = null;
        for (int read = 0; read < rows; read += 500) {
            cursor = IncidentListQuery.page(connection, big).next();
            big = new IncidentFilter(big.status(), big.harm(), big.severity(), big.source(), big.assignee(),
                    big.overdue(), big.sort(), Optional.of(cursor), 500);
        }
        return cursor;
    }

    private static int drain(PreparedStatement statement) throws Exception {
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }
}
