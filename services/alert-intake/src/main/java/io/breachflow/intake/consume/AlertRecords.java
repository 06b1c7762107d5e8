package io.breachflow.intake.consume;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates the headers of a {@code breach.alerts.v1} record (CloudEvents Kafka protocol binding: {@code ce_*}
 * attributes, {@code content-type}) into the HTTP form the CloudEvents adapter reads ({@code ce-*},
 * {@code content-type}), so that Kafka and HTTP share one validation.
 */
final class AlertRecords {

    private AlertRecords() {
    }

    static Map<String, String> httpStyleHeaders(Headers headers) {
        Map<String, String> http = new LinkedHashMap<>();
        for (Header header : headers) {
            if (header.value() == null) {
                continue;
            }
            String name = header.key().toLowerCase(Locale.ROOT);
            String value = new String(header.value(), StandardCharsets.UTF_8);
            if (name.startsWith("ce_")) {
                http.put("ce-" + name.substring(3), value);
            } else if (name.equals("content-type")) {
                http.put(name, value);
            }
        }
        return http;
    }
}
