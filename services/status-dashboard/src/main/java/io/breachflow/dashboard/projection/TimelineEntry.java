package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;

import java.time.Instant;

/**
 * One line of an incident's history: a row of {@code incident_timeline}, made by {@link Timeline#entry}.
 *
 * @param type    the event's CloudEvents type
 * @param actor   who (or which system) did it, {@code null} when the event names nobody
 * @param event   the event itself, stored as the row's JSON {@code data} with its texts sealed as they came; the
 *                sentence for people is composed from it when read ({@link Timeline#summary})
 */
public record TimelineEntry(String incidentId, long sequence, String type, Instant occurredAt, String actor,
                            IncidentEvent event) {
}
