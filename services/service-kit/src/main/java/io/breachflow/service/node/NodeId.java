package io.breachflow.service.node;

import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this instance of a service: {@code breachflow.node-id} (environment {@code BREACHFLOW_NODE_ID}), else
 * the host name. It must stay the same across restarts of one instance, so that what the instance held before a crash
 * (Axon's token claims, its Kafka group membership) is its own again at once, and differ between instances of one
 * service. A pod or machine per instance gives both by default; several instances on one host need it set.
 */
public final class NodeId {

    public static final String PROPERTY = "breachflow.node-id";

    private NodeId() {
    }

    /** {@code breachflow.node-id}, else the host name. */
    public static String of(Config config) {
        return config.getOptionalValue(PROPERTY, String.class).filter(id -> !id.isBlank()).orElseGet(NodeId::hostName);
    }

    /** {@code HOSTNAME} as the shell sets it (a pod's name), else what the resolver says, else {@code localhost}. */
    public static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
