package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What each service may do on the broker (DESIGN §4's flow, and nothing else), as Kafka ACLs, with
 * {@code allow.everyone.if.no.acl.found=false}: whatever is not listed here is refused.
 * <ul>
 *   <li>alert-intake: write {@code breach.detections.v1}; read {@code breach.alerts.v1} (group {@code alert-intake*});
 *       write {@code breach.alerts.v1.dlq}.</li>
 *   <li>incident-workflow: read {@code breach.detections.v1} (group {@code incident-workflow*}); write
 *       {@code breach.incident-events.v1} and {@code breach.detections.v1.dlq}. No transactional ids: it uses no
 *       transactions.</li>
 *   <li>status-dashboard: read {@code breach.incident-events.v1} (group {@code status-dashboard*}, and without a group
 *       for a rebuild); write {@code breach.incident-events.v1.dlq}.</li>
 * </ul>
 * Writing implies the idempotent producer's right (Kafka 3.0+, KIP-679); READ and WRITE imply DESCRIBE.
 */
public final class KafkaAccess {

    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaAccess() {
    }

    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        write(bindings, KafkaUsers.INTAKE, Topics.DETECTIONS);
        read(bindings, KafkaUsers.INTAKE, Topics.ALERTS);
        write(bindings, KafkaUsers.INTAKE, Topics.dlq(Topics.ALERTS));
        group(bindings, KafkaUsers.INTAKE, "alert-intake");

        read(bindings, KafkaUsers.WORKFLOW, Topics.DETECTIONS);
        write(bindings, KafkaUsers.WORKFLOW, Topics.INCIDENT_EVENTS);
        write(bindings, KafkaUsers.WORKFLOW, Topics.dlq(Topics.DETECTIONS));
        group(bindings, KafkaUsers.WORKFLOW, "incident-workflow");

        read(bindings, KafkaUsers.DASHBOARD, Topics.INCIDENT_EVENTS);
        write(bindings, KafkaUsers.DASHBOARD, Topics.dlq(Topics.INCIDENT_EVENTS));
        group(bindings, KafkaUsers.DASHBOARD, "status-dashboard");
        return List.copyOf(bindings);
    }

    /**
     * Creates (or updates to the stored passwords) the services' SCRAM users and their ACLs, and returns once the
     * broker applies them. Idempotent: every start of the local broker calls it. {@code admin} must log in as a super user.
     */
    public static void apply(Admin admin, KafkaUsers users) throws Exception {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String service : KafkaUsers.SERVICES) {
            upserts.add(new UserScramCredentialUpsertion(service,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), users.password(service)));
        }
        admin.alterUserScramCredentials(upserts).all().get(60, TimeUnit.SECONDS);
        List<AclBinding> wanted = bindings();
        admin.createAcls(wanted).all().get(60, TimeUnit.SECONDS);
        // Both are written to the metadata log first; wait until the broker serves them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS));
            boolean usersPresent = admin.describeUserScramCredentials(KafkaUsers.SERVICES).all().get(10, TimeUnit.SECONDS)
                    .keySet().containsAll(KafkaUsers.SERVICES);
            if (usersPresent && present.containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not apply the users and ACLs within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static void write(List<AclBinding> bindings, String user, String topic) {
        allow(bindings, user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), AclOperation.WRITE);
    }

    private static void read(List<AclBinding> bindings, String user, String topic) {
        allow(bindings, user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), AclOperation.READ);
    }

    /** Its consumer groups: the name and the per-test-run names that start with it. */
    private static void group(List<AclBinding> bindings, String user, String prefix) {
        allow(bindings, user, new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED), AclOperation.READ);
    }

    private static void allow(List<AclBinding> bindings, String user, ResourcePattern resource, AclOperation operation) {
        bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
}
