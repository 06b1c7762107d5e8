package io.breachflow.workflow.api;

import java.util.List;

/** Every responder command endpoint with a body that passes validation: the role matrix runs through all of them. */
final class CommandEndpoints {

    /** A command endpoint: its path under {@code /api/incidents/{id}/}, a valid body, and whether only a DPO may call it. */
    record Endpoint(String action, String body, boolean dpoOnly) {
        @Override
        public String toString() {
            return action;
        }
    }

    static final List<Endpoint> ALL = List.of(
            new Endpoint("triage", "{\"verdict\":\"CONFIRMED\",\"rationale\":\"Export reached an unknown host\"}", false),
            new Endpoint("assign", "{\"assignee\":\"li.wei@example.com\"}", false),
            new Endpoint("measures", "{\"kind\":\"REVOKE_CREDENTIALS\",\"description\":\"Revoke the role's keys\"}", false),
            new Endpoint("measures/revoke-keys/complete", "{\"outcome\":\"All keys revoked\",\"effective\":true}", false),
            new Endpoint("assessment", "{\"personalDataCategories\":[\"email\"],\"subjectsAffected\":1200,\"recordsAffected\":1500,"
                    + "\"sensitiveData\":false,\"minorsData\":false,\"jurisdictions\":[\"CN\",\"EU\"],\"likelyConsequences\":\"Phishing\"}", false),
            new Endpoint("grade", "{\"grade\":\"GENERAL\",\"rationale\":\"1200 people\"}", false),
            new Endpoint("notifications/regulator", "{\"obligationId\":\"cac-incident-reporting/initial-report\",\"authority\":\"Shanghai CAC\","
                    + "\"phase\":\"INITIAL\",\"content\":\"Unit: Example Ltd.\"}", false),
            new Endpoint("notifications/data-subjects", "{\"obligationId\":\"pipl-57/individuals\",\"channel\":\"email\","
                    + "\"subjectsNotified\":1200,\"contentSha256\":\"" + "ab".repeat(32) + "\"}", false),
            new Endpoint("obligations/pipl-57/individuals/waive",
                    "{\"ground\":\"measures-avoid-harm\",\"rationale\":\"Measures effectively avoid harm\"}", true),
            new Endpoint("obligations/pipl-57/individuals/revoke-waiver", "{\"reason\":\"The authority requires the notice\"}", true),
            new Endpoint("profile", "{\"reason\":\"Designated a CIIO\"}", true),
            new Endpoint("filing-details", "{\"details\":{\"PLACE\":\"Shanghai data centre\"}}", false),
            new Endpoint("resolve", "{\"rootCause\":\"Over-broad export rights\"}", false),
            new Endpoint("close", "{\"summary\":\"Contained; notified in time\"}", true),
            new Endpoint("reopen", "{\"reason\":\"Seen again\"}", false),
            new Endpoint("notes", "{\"text\":\"DBA confirms the export\"}", false),
            new Endpoint("erase-personal-data", "{\"ground\":\"DATA_SUBJECT_REQUEST\",\"reference\":\"DSR-2026-0142\"}", true));

    private CommandEndpoints() {
    }
}
