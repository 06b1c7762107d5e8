package io.breachflow.service.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a service answers to ({@code breachflow.http.allowed-hosts}). By default the loopback names and the
 * configured {@code quarkus.http.host}: Breachflow runs on one machine and is called on 127.0.0.1 or localhost.
 * <p>
 * Why: any {@code Host} was answered, so a web page could reach a service through DNS rebinding (a name of the
 * attacker's that resolves to 127.0.0.1 next) and read its answers as same-origin (issue 10).
 */
final class HostAllowList {

    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private final Set<String> hosts = new LinkedHashSet<>();

    HostAllowList(List<String> configured, String httpHost) {
        (configured.isEmpty() ? LOOPBACK : configured).forEach(host -> hosts.add(normalise(host)));
        if (configured.isEmpty() && httpHost != null && !httpHost.isBlank()) {
            hosts.add(normalise(httpHost));
        }
    }

    /** Whether a request with this {@code Host} header (port optional) is answered. */
    boolean allows(String hostHeader) {
        return hostHeader != null && hosts.contains(normalise(withoutPort(hostHeader.trim())));
    }

    Set<String> hosts() {
        return Set.copyOf(hosts);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) { // [::1]:8080
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    private static String normalise(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
