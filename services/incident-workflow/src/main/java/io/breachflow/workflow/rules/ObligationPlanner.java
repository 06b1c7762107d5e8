package io.breachflow.workflow.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Which obligations the law imposes on an incident: a pure function of the incident's facts, judged by the rule-set
 * versions and the organisation profile recorded on it ({@link IncidentFacts#basis()}). The Incident aggregate asks
 * it after every event that can change the answer and records the difference as obligations determined or withdrawn.
 */
public interface ObligationPlanner {

    /**
     * The obligations that apply, each with a stable id (the same obligation keeps its id when its due time moves,
     * e.g. on regrading). Empty for an incident triaged as a false positive.
     */
    List<PlannedObligation> plan(IncidentFacts facts);

    /**
     * The version of each rule set that the profile enables and that is in force at {@code awareAt}: what an incident
     * aware at that instant is judged by, recorded on it once.
     */
    Map<String, LocalDate> versionsInForceAt(Instant awareAt, OrganisationProfile profile);
}
