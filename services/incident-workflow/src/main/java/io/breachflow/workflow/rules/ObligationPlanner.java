package io.breachflow.workflow.rules;

import java.util.List;

/**
 * Which obligations the law imposes on an incident: a pure function of the incident's facts and of the rule sets in
 * force at {@link IncidentFacts#evaluatedAt()} (rule sets are data, versioned by effective date). The Incident
 * aggregate asks it after every event that can change the answer (opening, triage, assessment, grading,
 * resolution, reopening) and records the difference as obligations determined or withdrawn.
 */
public interface ObligationPlanner {

    /**
     * The obligations that apply now, each with a stable id (the same obligation keeps its id when its due time
     * moves, e.g. on regrading). Empty for an incident triaged as a false positive.
     */
    List<PlannedObligation> plan(IncidentFacts facts);
}
