package io.breachflow.workflow.filing;

import java.time.Instant;
import java.util.List;

/**
 * A filing generated from the incident's events alone (plus the organisation's configured identity). It names the
 * last event sequence it reflects, so it can be regenerated exactly, and carries the SHA-256 of its canonical
 * content (see {@code hashOf}) for the responder to record with the notification that sent it.
 */
public record Filing(
        String kind,
        String title,
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
