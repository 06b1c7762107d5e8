package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.Clock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Legal clocks across incidents, earliest due first. */
@Schema(name = "ClockList")
public record ClockList(List<Clock> items, int count) {
}
