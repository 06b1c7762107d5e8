package io.breachflow.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.ProfileTerms;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.WaiverRevoked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract record survives a trip through JSON unchanged, and its JSON matches its published schema. */
class ContractRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String INCIDENT = "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a";
    private static final String DETECTION = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123Z");
    private static final String RESPONDER = "li.wei@example.org";
    private static final String DPO = "dpo@example.org";
    private static final RuleReference CAC_INITIAL_REPORT = new RuleReference("cac-incident-reporting",
            LocalDate.of(2025, 11, 1), "initial-report", "CAC Cybersecurity Incident Reporting Measures");
    private static final RuleReference PIPL_DATA_SUBJECTS = new RuleReference("pipl", LocalDate.of(2021, 11, 1),
            "art57-data-subjects", "PIPL Art. 57");
    private static final RuleReference PDPA_ASSESSMENT = new RuleReference("pdpa-sg", LocalDate.of(2021, 2, 1),
            "s26c-assessment", "PDPA s26C(3)");
    private static final WaiverGround MEASURES_AVOID_HARM = new WaiverGround("measures-avoid-harm", "PIPL Art. 57 para. 2",
            "The measures taken effectively avoid harm to the individuals concerned");
    private static final WaiverGround DISPROPORTIONATE_EFFORT = new WaiverGround("disproportionate-effort",
            "GDPR Art. 34(3)(c)", "Telling each person would involve disproportionate effort; a public communication is made instead");
    private static final ProfileTerms PROFILE = new ProfileTerms(OperatorClass.OTHER, List.of("CN", "EU"), List.of(),
            Map.of(ObligationKind.REMEDIAL_MEASURE, "PT1H", ObligationKind.REGULATOR_NOTIFICATION, "PT24H",
                    ObligationKind.DATA_SUBJECT_NOTIFICATION, "PT24H", ObligationKind.FINAL_REPORT, "PT24H",
                    ObligationKind.ASSESSMENT, "PT24H"),
            AwarenessSource.RECEIPT, List.of());

    /** A sample of every contract record; every incident event at least once, nullable fields both ways. */
    static Stream<Object> records() {
        Detection detection = new Detection(DETECTION, "alertmanager", "fp-1@2026-11-30T08:15:00Z", "alertmanager:group:ab12",
                AlertStatus.FIRING, HarmKind.DISCLOSURE, Severity.CRITICAL, "Bulk export of customer table",
                "Unusual SELECT volume", T0, T0.plusSeconds(1), List.of("crm-db-1"), List.of("email", "phone_number"),
                Map.of("alertname", "BulkExport"), "a".repeat(64));
        return Stream.of(detection,
                new IncidentOpened(INCIDENT, "alertmanager:group:ab12", T0, DETECTION, "alertmanager", "fp-1", HarmKind.LOSS,
                        Severity.HIGH, "Backup bucket deleted", T0, List.of("s3://backups"), List.of("health")),
                new DetectionCorrelated(INCIDENT, DETECTION, "alertmanager", "fp-2", HarmKind.TAMPERING, Severity.LOW,
                        "Row checksums changed", T0, T0.plusSeconds(5), List.of(), List.of()),
                new IncidentTriaged(INCIDENT, TriageVerdict.FALSE_POSITIVE, "Scheduled export by the data team",
                        "responder@example.org", T0.plusSeconds(60)),
                new ResponderAssigned(INCIDENT, RESPONDER, "oncall-lead@example.org", T0.plusSeconds(120)),
                new RemedialMeasureStarted(INCIDENT, "revoke-export-token", MeasureKind.REVOKE_CREDENTIALS,
                        "Revoke the CI token used for the export and rotate the database password", RESPONDER,
                        T0.plusSeconds(300)),
                new RemedialMeasureCompleted(INCIDENT, "revoke-export-token",
                        "Token revoked, password rotated; no further exports in the following 30 minutes", true, RESPONDER,
                        T0.plusSeconds(2_100)),
                new ImpactAssessed(INCIDENT, List.of("email", "phone_number", "national_id"), 1_250_000, 1_310_442, true,
                        false, List.of("CN", "EU"), "Phishing and identity fraud against the customers concerned", DPO,
                        T0.plus(Duration.ofHours(3))),
                new IncidentGraded(INCIDENT, IncidentGrade.RELATIVELY_MAJOR,
                        "Personal information of 1.25 million people disclosed: at least 1 million", DPO,
                        T0.plus(Duration.ofHours(3)).plusSeconds(600)),
                new NotificationObligationDetermined(INCIDENT, "cac-incident-reporting/initial-report", CAC_INITIAL_REPORT,
                        ObligationKind.REGULATOR_NOTIFICATION, "CAC, provincial office", T0.plus(Duration.ofHours(4)),
                        List.of("affected systems", "incident grade", "personal information affected", "measures taken"),
                        "deadline-3f0e8a4c-initial-report", T0.plus(Duration.ofHours(3)).plusSeconds(600)),
                new NotificationObligationDetermined(INCIDENT, "pipl/art57-data-subjects", PIPL_DATA_SUBJECTS,
                        ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", null,
                        List.of("categories of personal information", "cause", "possible harm", "remedial measures taken",
                                "what individuals can do", "contact"),
                        null, T0.plus(Duration.ofHours(3)).plusSeconds(600)),
                new NotificationObligationWithdrawn(INCIDENT, "gdpr/art33-authority",
                        "Impact assessment: no data subjects in the Union", "deadline-3f0e8a4c-gdpr-72h",
                        T0.plus(Duration.ofHours(5))),
                new NotificationObligationWithdrawn(INCIDENT, "gdpr/art34-data-subjects",
                        "Impact assessment: no data subjects in the Union", null, T0.plus(Duration.ofHours(5))),
                new RegulatorNotified(INCIDENT, "cac-incident-reporting/initial-report", "CAC, Shanghai office",
                        ReportPhase.INITIAL, "SH-2026-11-0042",
                        "9eb106bb3b3173cec60a8c7a815fc44f1244034b6a37b6c904a30cd98595ab0f", DPO,
                        T0.plus(Duration.ofHours(3)).plusSeconds(2_400)),
                new DataSubjectsNotified(INCIDENT, "pipl/art57-data-subjects", "email", 1_248_913,
                        "d1e3e1f29d0c637cb73dda07fd207d6ca2cc56316fdaa45d0f2b765917f1982c", DPO,
                        T0.plus(Duration.ofDays(1))),
                new NotificationWaived(INCIDENT, "pipl/art57-data-subjects-sms",
                        "Every person concerned was reached by e-mail; PIPL Art. 57: the measures taken effectively avoid harm",
                        DPO, T0.plus(Duration.ofDays(1)).plusSeconds(60)),
                new IncidentResolved(INCIDENT, "A CI token leaked in a build log allowed a bulk export of the customer table",
                        RESPONDER, T0.plus(Duration.ofDays(2))),
                new IncidentClosed(INCIDENT, "Initial and final reports filed with the CAC; customers notified by e-mail", DPO,
                        T0.plus(Duration.ofDays(20))),
                new IncidentReopened(INCIDENT, "Older access logs show a second export with the same token", DPO,
                        T0.plus(Duration.ofDays(25))),
                new NoteAdded(INCIDENT, "note-0007", "Called the CAC duty officer; the written report follows", RESPONDER,
                        T0.plus(Duration.ofHours(3)).plusSeconds(900)),
                new DeadlineMissed(INCIDENT, "cac-incident-reporting/final-report",
                        "Final report to the CAC, due 30 days after handling ended", T0.plus(Duration.ofDays(32)),
                        T0.plus(Duration.ofDays(32)).plusMillis(250)),
                // Today's shapes of the changed events: every field written since issue 8 set.
                new IncidentOpened(INCIDENT, "alertmanager:group:ab12", T0.plusSeconds(95), DETECTION, "alertmanager", "fp-1",
                        HarmKind.DISCLOSURE, Severity.CRITICAL, "Bulk export of customer table", T0.minusSeconds(20),
                        List.of("crm-db-1"), List.of("email", "phone_number"), T0),
                new DetectionCorrelated(INCIDENT, "5c4b3a29-1807-4f6e-9d5c-4b3a29180706", "grafana", "grafana:rule:7781",
                        HarmKind.LOSS, Severity.HIGH, "Backup snapshots deleted", T0.plusSeconds(40), T0.plusSeconds(170),
                        List.of("s3://crm-backups"), List.of("email"), T0.plusSeconds(45)),
                new ImpactAssessed(INCIDENT, List.of("name", "diagnosis_code"), 1_820, 2_045, true, false, List.of("US"),
                        "Medical details of patients of two clinics disclosed", DPO, T0.plus(Duration.ofHours(6)),
                        List.of(HarmKind.DISCLOSURE, HarmKind.TAMPERING), true, Map.of("US-CA", 700L, "US-NV", 1_120L)),
                new ImpactAssessed(INCIDENT, List.of("email"), 0, 0, false, false, List.of(), "None: the export was encrypted",
                        DPO, T0.plus(Duration.ofHours(7)), List.of(), false, Map.of()),
                new NotificationObligationDetermined(INCIDENT, "pipl/art57-data-subjects", PIPL_DATA_SUBJECTS,
                        ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", T0.plus(Duration.ofHours(24)),
                        List.of("categories of personal information", "cause", "possible harm", "remedial measures taken",
                                "what individuals can do", "contact"),
                        "deadline-3f0e8a4c-pipl-data-subjects", T0.plus(Duration.ofHours(3)).plusSeconds(600),
                        List.of(MEASURES_AVOID_HARM)),
                new NotificationObligationDetermined(INCIDENT, "pdpa-sg/s26c-assessment", PDPA_ASSESSMENT,
                        ObligationKind.ASSESSMENT, "the organisation", T0.plus(Duration.ofDays(30)),
                        List.of("whether the breach is notifiable"), "deadline-3f0e8a4c-pdpa-assessment", T0.plusSeconds(95),
                        List.of()),
                new NotificationObligationDetermined(INCIDENT, "gdpr/art34-data-subjects", new RuleReference("gdpr",
                        LocalDate.of(2018, 5, 25), "art34-data-subjects", "GDPR Art. 34"),
                        ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", null, List.of("nature of the breach",
                        "contact point", "likely consequences", "measures taken"), null, T0.plus(Duration.ofHours(4)),
                        List.of(DISPROPORTIONATE_EFFORT)),
                new NotificationWaived(INCIDENT, "pipl/art57-data-subjects",
                        "The exported file was encrypted with a key that never left the HSM; no one can read it",
                        DPO, T0.plus(Duration.ofHours(8)), MEASURES_AVOID_HARM.id(), MEASURES_AVOID_HARM.citation()),
                new IncidentBasisRecorded(INCIDENT, T0, AwarenessSource.RECEIPT,
                        Map.of("cac-incident-reporting", LocalDate.of(2025, 11, 1), "pipl", LocalDate.of(2021, 11, 1),
                                "gdpr", LocalDate.of(2018, 5, 25)),
                        PROFILE, "opening", "system", T0.plusSeconds(95)),
                new IncidentBasisRecorded(INCIDENT, T0.minusSeconds(20), AwarenessSource.ALERT_TIME,
                        Map.of("cac-incident-reporting", LocalDate.of(2025, 11, 1)),
                        new ProfileTerms(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE, List.of("CN"),
                                List.of("hipaa-business-associate"), Map.of(ObligationKind.REMEDIAL_MEASURE, "PT30M"),
                                AwarenessSource.ALERT_TIME, List.of("cac-incident-reporting")),
                        "Designated CIIO operator since 1 December; the CAC clock of 1 hour applies", DPO,
                        T0.plus(Duration.ofHours(2))),
                new ObligationFulfilled(INCIDENT, "cac-incident-reporting/initial-report", "RegulatorNotified",
                        "SH-2026-11-0042", T0.plus(Duration.ofHours(3)).plusSeconds(2_400)),
                new ObligationFulfilled(INCIDENT, "decision-2012/art4-remedial", "RemedialMeasureStarted",
                        "revoke-export-token", T0.plusSeconds(300)),
                new WaiverRevoked(INCIDENT, "pipl/art57-data-subjects",
                        "The CAC provincial office requires the individuals to be told (PIPL Art. 57 para. 2)", DPO,
                        T0.plus(Duration.ofDays(3))),
                new FilingDetailsProvided(INCIDENT, Map.of(
                        FilingDetail.PLACE, "Shanghai data centre, hall B",
                        FilingDetail.SUPPORT_NEEDED, "None at present",
                        FilingDetail.INDIVIDUAL_MEASURES, "Be wary of calls or messages quoting an order number; change the account password"),
                        RESPONDER, T0.plus(Duration.ofHours(3)).plusSeconds(1_800)),
                new ResponderAssigned(INCIDENT, "sealed:v1:1:bm9uY2UtYW5kLWNpcGhlcnRleHQ", "oncall-lead@example.org",
                        T0.plusSeconds(180), "t1:0123456789abcdefABCDEF"),
                new PersonalDataErased(INCIDENT, ErasureGround.DATA_SUBJECT_REQUEST, "DSR-2027-0042", DPO,
                        T0.plus(Duration.ofDays(400))),
                new PersonalDataErased(INCIDENT, ErasureGround.RETENTION_ENDED, null, "system:retention",
                        T0.plus(Duration.ofDays(1_200))));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTripsThroughJson(Object record) throws Exception {
        String json = JSON.writeValueAsString(record);
        assertThat(JSON.readValue(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void validatesAgainstItsSchema(Object record) throws Exception {
        JsonNode json = JSON.valueToTree(record);
        assertThat(schemaOf(record.getClass()).validate(json)).isEmpty();
    }

    @Test
    void schemaRejectsAnUnknownHarm() throws Exception {
        JsonNode json = JSON.valueToTree(records().findFirst().orElseThrow());
        ((ObjectNode) json).put("harm", "EXPLOSION");
        Set<ValidationMessage> errors = schemaOf(Detection.class).validate(json);
        assertThat(errors).anySatisfy(error -> assertThat(error.getMessage()).contains("harm"));
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of(RegulatorNotified.class, "/contentSha256", JSON.getNodeFactory().textNode("9EB106BB" + "0".repeat(56))),
                Arguments.of(DataSubjectsNotified.class, "/contentSha256", JSON.getNodeFactory().textNode("abc")),
                Arguments.of(DataSubjectsNotified.class, "/subjectsNotified", JSON.getNodeFactory().numberNode(-1)),
                Arguments.of(ImpactAssessed.class, "/subjectsAffected", JSON.getNodeFactory().numberNode(-5)),
                Arguments.of(ImpactAssessed.class, "/jurisdictions", JSON.createArrayNode().add("China")),
                Arguments.of(IncidentGraded.class, "/grade", JSON.getNodeFactory().textNode("CATASTROPHIC")),
                Arguments.of(RemedialMeasureStarted.class, "/kind", JSON.getNodeFactory().textNode("PRAY")),
                Arguments.of(RegulatorNotified.class, "/phase", JSON.getNodeFactory().textNode("INTERIM")),
                Arguments.of(NotificationObligationDetermined.class, "/kind", JSON.getNodeFactory().textNode("TWEET")),
                Arguments.of(NotificationObligationDetermined.class, "/rule/version", JSON.getNodeFactory().textNode("2025-13-01")),
                Arguments.of(NotificationObligationDetermined.class, "/dueAt", JSON.getNodeFactory().textNode("tomorrow")),
                Arguments.of(NotificationObligationDetermined.class, "/obligationId", JSON.getNodeFactory().nullNode()),
                Arguments.of(DeadlineMissed.class, "/dueAt", JSON.getNodeFactory().nullNode()),
                Arguments.of(ResponderAssigned.class, "/incidentId", JSON.getNodeFactory().textNode("incident-1")),
                Arguments.of(NoteAdded.class, "/addedAt", JSON.getNodeFactory().textNode("2026-11-30 08:15")),
                Arguments.of(IncidentClosed.class, "/reviewedBy", JSON.getNodeFactory().textNode(DPO)),
                Arguments.of(IncidentOpened.class, "/receivedAt", JSON.getNodeFactory().textNode("30/11/2026 08:15")),
                Arguments.of(DetectionCorrelated.class, "/receivedAt", JSON.getNodeFactory().numberNode(1_796_026_530L)),
                Arguments.of(ImpactAssessed.class, "/harms", JSON.createArrayNode().add("EXPLOSION")),
                Arguments.of(ImpactAssessed.class, "/harms", JSON.createArrayNode().add("LOSS").add("LOSS")),
                Arguments.of(ImpactAssessed.class, "/suspectedCrime", JSON.getNodeFactory().textNode("yes")),
                Arguments.of(ImpactAssessed.class, "/subjectsByRegion", JSON.createObjectNode().put("US-CA", -700)),
                Arguments.of(ImpactAssessed.class, "/subjectsByRegion", JSON.createObjectNode().put("US-CA", "700")),
                Arguments.of(NotificationObligationDetermined.class, "/waiverGrounds", JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("id", "measures-avoid-harm").put("citation", "PIPL Art. 57 para. 2"))),
                Arguments.of(NotificationObligationDetermined.class, "/waiverGrounds", JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("id", "Measures Avoid Harm").put("citation", "PIPL Art. 57 para. 2")
                                .put("description", "The measures taken avoid harm"))),
                Arguments.of(NotificationWaived.class, "/ground", JSON.getNodeFactory().textNode("")),
                Arguments.of(IncidentBasisRecorded.class, "/awarenessFrom", JSON.getNodeFactory().textNode("HUNCH")),
                Arguments.of(IncidentBasisRecorded.class, "/awareAt", JSON.getNodeFactory().nullNode()),
                Arguments.of(IncidentBasisRecorded.class, "/ruleSetVersions", JSON.createObjectNode().put("pipl", "2021")),
                Arguments.of(IncidentBasisRecorded.class, "/ruleSetVersions", JSON.createObjectNode().put("PIPL", "2021-11-01")),
                Arguments.of(IncidentBasisRecorded.class, "/profile/operatorClass", JSON.getNodeFactory().textNode("BANK")),
                Arguments.of(IncidentBasisRecorded.class, "/profile/homeJurisdictions", JSON.createArrayNode().add("Germany")),
                Arguments.of(IncidentBasisRecorded.class, "/profile/internalTargets", JSON.createObjectNode().put("TWEET", "PT1H")),
                Arguments.of(IncidentBasisRecorded.class, "/profile/internalTargets",
                        JSON.createObjectNode().put("REMEDIAL_MEASURE", "1 hour")),
                Arguments.of(IncidentBasisRecorded.class, "/profile/awarenessFrom", JSON.getNodeFactory().nullNode()),
                Arguments.of(IncidentBasisRecorded.class, "/profile/region", JSON.getNodeFactory().textNode("CN")),
                Arguments.of(ObligationFulfilled.class, "/fulfilledBy", JSON.getNodeFactory().textNode("regulator notified")),
                Arguments.of(ObligationFulfilled.class, "/reference", JSON.getNodeFactory().textNode("")),
                Arguments.of(ObligationFulfilled.class, "/obligationId", JSON.getNodeFactory().nullNode()),
                Arguments.of(WaiverRevoked.class, "/reason", JSON.getNodeFactory().textNode("")),
                Arguments.of(WaiverRevoked.class, "/revokedAt", JSON.getNodeFactory().textNode("tomorrow")),
                Arguments.of(FilingDetailsProvided.class, "/details", JSON.createObjectNode()),
                Arguments.of(FilingDetailsProvided.class, "/details", JSON.createObjectNode().put("MOOD", "calm")),
                Arguments.of(FilingDetailsProvided.class, "/details", JSON.createObjectNode().put("PLACE", "")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidEvents")
    void schemaRejectsAnInvalidValue(Class<?> type, String pointer, JsonNode value) throws Exception {
        ObjectNode json = JSON.valueToTree(sampleOf(type));
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) json.at(pointer.substring(0, slash))).set(pointer.substring(slash + 1), value);
        assertThat(schemaOf(type).validate(json)).as("%s with %s = %s", type.getSimpleName(), pointer, value).isNotEmpty();
    }

    @Test
    void everyIncidentEventHasAStableCloudEventsType() {
        records().filter(IncidentEvent.class::isInstance).map(IncidentEvent.class::cast).forEach(event -> {
            String type = CloudEventTypes.of(event);
            assertThat(type).startsWith("io.breachflow.incident.").endsWith(".v1");
            assertThat(CloudEventTypes.incidentEventClass(type)).contains(event.getClass());
        });
        assertThat(CloudEventTypes.incidentEventClass("io.breachflow.unknown.v9")).isEmpty();
    }

    /** A new incident event fails the build until it has a schema, a CloudEvents type and a sample here. */
    @Test
    void everyIncidentEventHasASchemaATypeAndASample() throws Exception {
        Set<Class<?>> sampled = records().map(Object::getClass).collect(Collectors.toSet());
        Class<?>[] permitted = IncidentEvent.class.getPermittedSubclasses();
        assertThat(permitted).hasSizeGreaterThanOrEqualTo(22);
        for (Class<?> eventClass : permitted) {
            assertThat(sampled).as("a sample of %s in records()", eventClass.getSimpleName()).contains(eventClass);
            assertThat(JsonSchemas.class.getResource(JsonSchemas.resourceOf(eventClass)))
                    .as("schema resource of %s", eventClass.getSimpleName()).isNotNull();
            IncidentEvent sample = (IncidentEvent) sampleOf(eventClass);
            assertThat(CloudEventTypes.incidentEventClass(CloudEventTypes.of(sample)))
                    .as("CloudEvents type of %s", eventClass.getSimpleName()).hasValue(sample.getClass());
        }
    }

    /**
     * The schemas describe exactly the records' fields; only fields whose schema type admits null are optional; the
     * enums list exactly the Java constants (the shared enums and RuleReference are inlined in each schema, so this
     * keeps the copies in step).
     */
    @ParameterizedTest
    @MethodSource("sampledClasses")
    void schemaMatchesTheRecordComponents(Class<?> type) throws Exception {
        JsonNode schema;
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.resourceOf(type))) {
            schema = JSON.readTree(in);
        }
        assertThat(schema.path("description").asText()).as("description names the CloudEvents type")
                .contains(IncidentEvent.class.isAssignableFrom(type) ? "io.breachflow.incident." : "io.breachflow.");
        assertComponentsMatch(type, schema, IncidentEvent.class.isAssignableFrom(type));
    }

    static Stream<Class<?>> sampledClasses() {
        return records().map(Object::getClass).distinct().map(type -> (Class<?>) type);
    }

    private static void assertComponentsMatch(Class<?> type, JsonNode schema, boolean strictRequired) {
        String name = type.getSimpleName();
        assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                .as("%s: additionalProperties false", name).isTrue();
        JsonNode properties = schema.path("properties");
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        assertThat(fieldNames(properties)).as("%s: schema properties", name).isEqualTo(new TreeSet<>(components.keySet()));
        if (strictRequired) {
            Set<String> nullable = components.keySet().stream()
                    .filter(field -> typesOf(properties.path(field)).contains("null"))
                    .collect(Collectors.toSet());
            Set<String> required = new HashSet<>(components.keySet());
            required.removeAll(nullable);
            assertThat(textsOf(schema.path("required"))).as("%s: required", name).isEqualTo(new TreeSet<>(required));
        }
        components.forEach((field, component) -> {
            JsonNode property = properties.path(field);
            Class<?> fieldType = component.getType();
            if (fieldType.isEnum()) {
                Set<String> constants = Arrays.stream(fieldType.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(textsOf(property.path("enum"))).as("%s.%s: enum", name, field).isEqualTo(constants);
            } else if (fieldType.isRecord()) {
                assertComponentsMatch(fieldType, property, true);
            } else if (component.getGenericType() instanceof ParameterizedType generic) {
                Type[] arguments = generic.getActualTypeArguments();
                if (List.class.isAssignableFrom(fieldType)) {
                    assertElementMatches(name + "." + field + "[]", arguments[0], property.path("items"));
                } else if (Map.class.isAssignableFrom(fieldType)) {
                    assertElementMatches(name + "." + field + " keys", arguments[0], property.path("propertyNames"));
                    assertElementMatches(name + "." + field + " values", arguments[1], property.path("additionalProperties"));
                }
            }
        });
    }

    /** The elements of a list, or the keys and values of a map: enums list the constants, records match too. */
    private static void assertElementMatches(String what, Type element, JsonNode schema) {
        if (!(element instanceof Class<?> type)) {
            return;
        }
        if (type.isEnum()) {
            Set<String> constants = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(textsOf(schema.path("enum"))).as("%s: enum", what).isEqualTo(constants);
        } else if (type.isRecord()) {
            assertComponentsMatch(type, schema, true);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> textsOf(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> typesOf(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? textsOf(type) : Set.of(type.asText());
    }

    private static Object sampleOf(Class<?> type) {
        return records().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + type.getSimpleName() + " in records()"));
    }

    private static JsonSchema schemaOf(Class<?> type) throws Exception {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.resourceOf(type))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
