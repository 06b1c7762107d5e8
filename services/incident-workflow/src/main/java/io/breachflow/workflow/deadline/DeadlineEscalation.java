package io.breachflow.workflow.deadline;

import io.breachflow.contracts.incident.DeadlineMissed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jboss.logging.Logger;

/**
 * Escalates a clock that ran out: a WARN log line an operator's log alerting can match, and the counter
 * {@code breachflow_workflow_deadlines_missed_total}. Runs once per {@link DeadlineMissed} event (its own tracking
 * processor), however often the deadline itself fired.
 */
@Singleton
@ProcessingGroup(DeadlineEscalation.PROCESSING_GROUP)
public class DeadlineEscalation {

    public static final String PROCESSING_GROUP = "deadline-escalation";
    private static final Logger LOG = Logger.getLogger(DeadlineEscalation.class);

    private final MeterRegistry metrics;

    DeadlineEscalation(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @EventHandler
    void on(DeadlineMissed missed) {
        LOG.warnf("DEADLINE MISSED on incident %s: %s (due %s, noticed %s)", missed.incidentId(), missed.description(),
                missed.dueAt(), missed.missedAt());
        metrics.counter("breachflow_workflow_deadlines_missed", "obligation", missed.obligationId()).increment();
    }
}
