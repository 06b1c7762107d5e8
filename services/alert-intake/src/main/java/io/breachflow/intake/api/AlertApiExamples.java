package io.breachflow.intake.api;

/** Examples shown in the OpenAPI document ({@code /q/openapi}); the full sample lies in {@code samples/}. */
final class AlertApiExamples {

    static final String ALERTMANAGER_WEBHOOK = """
            {
              "version": "4",
              "groupKey": "{}:{alertname=\\"CustomerTableBulkExport\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "breachflow",
              "groupLabels": {"alertname": "CustomerTableBulkExport"},
              "commonLabels": {"alertname": "CustomerTableBulkExport", "breach_harm": "disclosure",
                               "personal_data": "email,phone_number", "severity": "critical"},
              "commonAnnotations": {"summary": "Bulk export of the customer table"},
              "externalURL": "http://alertmanager.example:9093",
              "alerts": [{
                "status": "firing",
                "labels": {"alertname": "CustomerTableBulkExport", "breach_harm": "disclosure",
                           "personal_data": "email,phone_number", "severity": "critical",
                           "instance": "pg-customers-01:9187", "job": "postgres-exporter"},
                "annotations": {"summary": "Bulk export of the customer table",
                                "description": "12000 rows of crm.customers read by one session in 60s"},
                "startsAt": "2024-05-14T09:12:31.504Z",
                "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "http://prometheus.example:9090/graph?g0.expr=...",
                "fingerprint": "5f2a5c1d9e0b7a43"
              }]
            }""";

    static final String ACCEPTED = """
            {"detectionIds": ["0b9c5b9e-61a4-3b7e-9a0c-3c8a51f4a1d2"],
             "correlationKeys": ["k1:7d1f7a0c2b5e4f3a9c8b6d5e4f3a2b1c"], "count": 1}""";

    static final String INVALID = """
            {"type": "https://breachflow.io/problems/invalid-request", "title": "The request is not valid",
             "status": 400, "detail": "alerts[1].startsAt is missing", "errors": ["alerts[1].startsAt is missing"]}""";

    private AlertApiExamples() {
    }
}
