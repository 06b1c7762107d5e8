package io.breachflow.dashboard.query;

/** Incidents opened in an ISO week ({@code 2026-W48}). */
public record WeekCount(String week, long count) {
}
