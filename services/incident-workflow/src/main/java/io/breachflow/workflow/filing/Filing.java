package io.breachflow.workflow.filing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A filing generated from the incident's events alone (plus the organisation's configured identity). It names the
 * last event sequence it reflects, so it can be regenerated exactly, and carries the SHA-256 of its canonical
 * content (see {@code hashOf}) for the responder to record with the notification that sent it. Filings to Chinese
 * authorities carry the Chinese title too ({@code titleZh}).
 */
public record Filing(
        String kind,
        String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String titleZh,
        String legalBasis,
        String incidentId,
        long lastSequence,
        Instant asOf,
        Instant generatedAt,
        List<FilingItem> items,
        String contentSha256,
        String hashOf) {

    public Filing {
        items = List.copyOf(items);
    }
}
