package io.breachflow.workflow.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.breachflow.workflow.history.IncidentRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a {@link Filing} of a kind from an incident record: pure (the time of generation is passed in), so the
 * same events and configuration always give the same items and the same content hash.
 *
 * <p>The hash covers what is filed, not when it was generated: the canonical JSON (keys sorted, no whitespace,
 * UTF-8) of the kind, the incident id, the last event sequence and the items. Regenerating the filing from the same
 * log gives the same hash, which the responder records with the notification that sent it.
 */
public final class FilingGenerator {

    static final String HASH_OF = "SHA-256 of the canonical JSON (keys sorted, no whitespace, UTF-8) of "
            + "{kind, incidentId, lastSequence, items}";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Organisation organisation;

    public FilingGenerator(Organisation organisation) {
        this.organisation = organisation;
    }

    public Filing generate(FilingKind kind, IncidentRecord record, Instant generatedAt) {
        List<FilingItem> items = switch (kind) {
            case CAC_INITIAL_REPORT, CAC_SUPPLEMENTARY_REPORT, CAC_FINAL_REPORT -> CacReport.items(kind, record, organisation);
            case PIPL_ART57_NOTICE, PIPL_ART57_AUTHORITY_NOTICE -> PiplNotice.items(kind, record, organisation);
            case CSL_AUTHORITY_REPORT, CSL_USER_NOTICE -> CslReport.items(kind, record, organisation);
            case PUBLIC_SECURITY_REPORT -> PublicSecurityReport.items(record, organisation);
            case GDPR_ART33_NOTIFICATION -> GdprNotification.items(record, organisation);
            case GDPR_ART33_5_REGISTER_ENTRY -> GdprRegisterEntry.items(record, organisation);
            case GDPR_ART34_COMMUNICATION -> GdprCommunication.items(record, organisation);
            case HIPAA_INDIVIDUAL_NOTICE, HIPAA_HHS_NOTICE, HIPAA_MEDIA_NOTICE -> HipaaNotice.items(kind, record, organisation);
            case PDPA_COMMISSION_NOTIFICATION, PDPA_INDIVIDUAL_NOTIFICATION -> PdpaNotification.items(kind, record, organisation);
            case DPDP_DATA_PRINCIPAL_INTIMATION, DPDP_BOARD_INTIMATION, DPDP_BOARD_REPORT -> DpdpNotice.items(kind, record, organisation);
        };
        return new Filing(kind.slug(), kind.title(), kind.titleZh(), kind.legalBasis(), record.incidentId(), record.lastSequence(),
                record.asOf(), generatedAt, items, sha256(kind, record, items), HASH_OF);
    }

    static String sha256(FilingKind kind, IncidentRecord record, List<FilingItem> items) {
        byte[] canonical = canonicalJson(kind, record, items).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String canonicalJson(FilingKind kind, IncidentRecord record, List<FilingItem> items) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", kind.slug());
        content.put("incidentId", record.incidentId());
        content.put("lastSequence", record.lastSequence());
        content.put("items", items);
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the filing's canonical content", e);
        }
    }
}
