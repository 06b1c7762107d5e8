package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import io.breachflow.local.postgres.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data made up for a test, and a search for it everywhere a running Breachflow keeps or shows anything:
 * every record of every Kafka topic (key, value, headers), every row of every table of the stack's databases,
 * any text a test hands over (API answers), every log file.
 *
 * <p>Each {@link #seed} call makes one value of each {@link Kind}, unique in the run and labelled with where the
 * test put it, so that a finding names both the seeded field and the place it turned up. Values are realistic
 * (a redactor must recognise them): an e-mail address, a Chinese mobile number, a PRC resident ID number with a
 * valid GB 11643 check character and a Luhn-valid bank card number.
 */
final class PersonalDataScan {

    enum Kind { EMAIL, PHONE, RESIDENT_ID, BANK_CARD }

    /** One seeded value and where the test put it ({@code origin}, e.g. "grafana $.alerts[0].labels.instance (replaced)"). */
    record Seed(Kind kind, String value, String origin) {

        /**
         * The spellings a leak may take: as posted, digits only (a card is posted in groups of four), lower case (the
         * e-mail is posted in mixed case, an ID may end in X).
         */
        Set<String> forms() {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(value);
            if (kind != Kind.EMAIL) {
                forms.add(value.replaceAll("\\D", ""));
            }
            forms.add(value.toLowerCase(Locale.ROOT));
            return forms;
        }
    }

    /**
     * A seeded value found somewhere: in which spelling, in which place (a topic, a database column, a log file, an
     * API path: what the counts group by) and exactly where in it (partition@offset, row, line, URL).
     */
    record Finding(Seed seed, String form, String place, String at) {
        @Override
        public String toString() {
            return seed.kind() + " '" + form + "' seeded in " + seed.origin() + " -> found in " + place + " " + at;
        }
    }

    /**
     * Candidates are cut out of a text by shape and then looked up, rather than searching for each of thousands of
     * values in turn. Lookaheads, so that overlapping candidates (a phone number inside a longer digit run) count.
     */
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(?=(seed\\d{5}(?:@|%40)example\\.com))"),
            Pattern.compile("(?=(\\d{11}))"),
            Pattern.compile("(?=(\\d{16}))"),
            Pattern.compile("(?=(\\d{17}[0-9Xx]))"),
            Pattern.compile("(?=(\\d{4} \\d{4} \\d{4} \\d{4}))"));

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private final List<Seed> seeds = new ArrayList<>();
    /** Every form of every seed (a form found in a text is looked up here). */
    private final Map<String, Seed> byForm = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    /** How many texts were searched, per kind of place (the first word of the place: API, kafka, db, log). */
    private final Map<String, Integer> scanned = new TreeMap<>();

    /** One fresh value of every kind, recorded as seeded at {@code origin}; in {@link Kind} order. */
    List<Seed> seed(String origin) {
        int n = seeds.size() / Kind.values().length + 1;
        List<Seed> made = List.of(
                new Seed(Kind.EMAIL, String.format("Seed%05d@Example.com", n), origin),
                new Seed(Kind.PHONE, String.format("139%08d", 52_000_000 + n), origin),
                new Seed(Kind.RESIDENT_ID, residentId(n), origin),
                new Seed(Kind.BANK_CARD, bankCard(n), origin));
        for (Seed seed : made) {
            seeds.add(seed);
            seed.forms().forEach(form -> byForm.put(form, seed));
        }
        return made;
    }

    /** The values of {@link #seed}, as one text: all four kinds in one field. */
    static String joined(List<Seed> seeds) {
        return seeds.stream().map(Seed::value).collect(Collectors.joining(" "));
    }

    List<Seed> seeds() {
        return List.copyOf(seeds);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Looks for every seed in {@code text}; each one found there is a finding at {@code place}, {@code at}. */
    void scan(String place, String at, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        scanned.merge(place.split(" ", 2)[0], 1, Integer::sum);
        Set<String> found = new LinkedHashSet<>();
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(text);
            while (matcher.find()) {
                String candidate = matcher.group(1).replace("%40", "@");
                if (byForm.containsKey(candidate)) {
                    found.add(candidate);
                } else if (byForm.containsKey(candidate.toLowerCase(Locale.ROOT))) {
                    found.add(candidate.toLowerCase(Locale.ROOT));
                }
            }
        }
        found.forEach(form -> findings.add(new Finding(byForm.get(form), form, place, at)));
    }

    /** Every answer of the stack's read API ({@link #scanApiAnswers}), every topic, both databases, every log file. */
    void scanStack(LocalStack stack, BreachflowClient client) {
        scanApiAnswers(stack, client);
        scanKafka(stack.kafkaClient());
        for (String database : stack.databases()) {
            scanDatabase(stack.postgres(), database);
        }
        scanLogs(stack.runDir().resolve("logs"));
    }

    /**
     * Every read endpoint of the dashboard and the workflow, for every incident the dashboard lists: the list, the
     * clocks, the metrics, the rebuild state, each service's /q/metrics; per incident the dashboard's detail and
     * timeline and the workflow's history, events, filings and every filing kind.
     */
    void scanApiAnswers(LocalStack stack, BreachflowClient client) {
        String dashboard = stack.dashboardUrl();
        String workflow = stack.workflowUrl();
        List<String> incidentIds = new ArrayList<>();
        String cursor = null;
        do {
            String url = dashboard + "/api/incidents?limit=500" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = get(client, "/api/incidents", url, stack.viewerToken()).json();
            page.path("items").forEach(incident -> incidentIds.add(incident.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(incidentIds).as("incidents on the dashboard").isNotEmpty();

        get(client, "/api/clocks", dashboard + "/api/clocks?state=all&limit=500", stack.viewerToken());
        get(client, "/api/metrics", dashboard + "/api/metrics", stack.viewerToken());
        get(client, "/api/admin/rebuild", dashboard + "/api/admin/rebuild", stack.dpoToken());
        for (String url : List.of(stack.intakeUrl(), workflow, dashboard)) {
            get(client, "/q/metrics", url + "/q/metrics", null);
        }
        // An unknown kind is answered with the list of kinds: so every filing the workflow can make is generated.
        List<String> kinds = new ArrayList<>();
        get(client, "/api/incidents/{id}/filings/{kind}", workflow + "/api/incidents/" + incidentIds.get(0) + "/filings/none",
                stack.viewerToken()).json().path("errors").forEach(kind -> kinds.add(kind.asText()));
        assertThat(kinds).as("filing kinds").isNotEmpty();

        for (String id : incidentIds) {
            get(client, "/api/incidents/{id}", dashboard + "/api/incidents/" + id, stack.viewerToken());
            String page = null;
            do { // every page of the timeline (it is paged, at most 200 entries an answer)
                String url = dashboard + "/api/incidents/" + id + "/timeline?limit=200" + (page == null ? "" : "&cursor=" + page);
                JsonNode timeline = get(client, "/api/incidents/{id}/timeline", url, stack.viewerToken()).json();
                page = timeline.path("nextCursor").isTextual() ? timeline.path("nextCursor").asText() : null;
            } while (page != null);
            for (String read : List.of("history", "events", "filings")) {
                get(client, "/api/incidents/{id}/" + read, workflow + "/api/incidents/" + id + "/" + read, stack.viewerToken());
            }
            for (String kind : kinds) {
                get(client, "/api/incidents/{id}/filings/{kind}", workflow + "/api/incidents/" + id + "/filings/" + kind,
                        stack.viewerToken());
            }
        }
    }

    private Answer get(BreachflowClient client, String path, String url, String token) {
        Answer answer = client.get(url, token);
        scan("API GET " + path, url.replaceFirst("^https?://[^/]+", "") + " (" + answer.status() + ")", answer.body());
        return answer;
    }

    /**
     * Fails unless every kind of place (API, kafka, db, log) was searched, and unless nothing was found; the report
     * (every finding) is written to {@code reportFile} and is the failure's message.
     */
    void assertNothingFound(Path reportFile) {
        System.out.println("Texts searched per place: " + scannedByKind());
        // A search that read nothing would find nothing: each kind of place must have been read.
        assertThat(scannedByKind()).as("texts searched per kind of place").containsKeys("API", "kafka", "db", "log")
                .allSatisfy((kind, texts) -> assertThat(texts).as(kind).isPositive());
        String report = report();
        try {
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Seeded personal data: " + findings.size() + " findings (all in " + reportFile.toAbsolutePath()
                + "), per place: " + countsByPlace());
        assertThat(findings).withFailMessage("%s", report).isEmpty();
    }

    /** Every record on every topic of the broker (internal ones too), from the beginning: key, value and headers. */
    void scanKafka(Map<String, Object> client) {
        Object bootstrapServers = client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Set<String> topics;
        try (Admin admin = Admin.create(client)) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers, e);
        }
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Aborted or pending transactional records are on the log too, and so on disk.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within 60 s: " + topics);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String place = "kafka " + record.topic();
                    String at = "partition " + record.partition() + " offset " + record.offset();
                    scan(place + " key", at, text(record.key()));
                    scan(place + " value", at, text(record.value()));
                    for (Header header : record.headers()) {
                        scan(place + " header " + header.key(), at, text(header.value()));
                    }
                }
            }
        }
    }

    /**
     * Every row of every table, in every schema but PostgreSQL's own, of {@code database}: each column read as text
     * (bytea as UTF-8, which is how Axon's Jackson serializer writes payloads and metadata).
     */
    void scanDatabase(PostgresServer postgres, String database) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    for (int row = 1; rows.next(); row++) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            String value = columns.getColumnType(column) == Types.BINARY
                                    ? text(rows.getBytes(column)) : rows.getString(column);
                            scan("db " + database + "." + table + "." + columns.getColumnName(column), "row " + row, value);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read database " + database, e);
        }
    }

    /** Every line of every file under {@code logs}, as file:line. */
    void scanLogs(Path logs) {
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                // Malformed bytes must not end the scan: they are replaced, the rest is read.
                String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
                for (int line = 0; line < lines.length; line++) {
                    scan("log " + logs.relativize(file), "line " + (line + 1), lines[line]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logs in " + logs, e);
        }
    }

    Map<String, Integer> scannedByKind() {
        return Map.copyOf(scanned);
    }

    /** How many findings per place. */
    Map<String, Long> countsByPlace() {
        return findings.stream().collect(Collectors.groupingBy(Finding::place, TreeMap::new, Collectors.counting()));
    }

    /** Every finding on a line of its own, after the counts per place; "none" if there are none. */
    String report() {
        if (findings.isEmpty()) {
            return "none of the " + seeds.size() + " seeded values was found";
        }
        StringBuilder report = new StringBuilder();
        report.append(findings.size()).append(" findings of seeded personal data (")
                .append(findings.stream().map(Finding::seed).distinct().count()).append(" of ").append(seeds.size())
                .append(" seeded values), per place:\n");
        countsByPlace().forEach((place, count) -> report.append("  ").append(count).append(" in ").append(place).append('\n'));
        report.append("per seeded field, the places its values were found in:\n");
        findings.stream().collect(Collectors.groupingBy(finding -> finding.seed().origin(), TreeMap::new,
                        Collectors.mapping(Finding::place, Collectors.toCollection(TreeSet::new))))
                .forEach((origin, places) -> report.append("  ").append(origin).append(": ").append(places).append('\n'));
        report.append("every finding:\n");
        findings.forEach(finding -> report.append("  ").append(finding).append('\n'));
        return report.toString();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** 110105 (a Beijing district), a birth date unique per n, a sequence number, and the GB 11643 check character. */
    static String residentId(int n) {
        String body = "110105" + LocalDate.of(1950, 1, 1).plusDays(n).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK.charAt(sum % 11);
    }

    /** 16 digits (a UnionPay-like 622202 prefix, unique per n, Luhn check digit), written in groups of four as on a card. */
    static String bankCard(int n) {
        String body = "622202" + String.format("%09d", 314_000_000 + n);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            // Doubled: every second digit counting leftwards from the check digit, i.e. from the body's last digit.
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        String number = body + (10 - sum % 10) % 10;
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
