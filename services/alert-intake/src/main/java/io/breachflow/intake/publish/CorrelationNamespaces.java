package io.breachflow.intake.publish;

import io.breachflow.intake.adapter.guardduty.GuardDutyAdapter;
import io.breachflow.intake.adapter.macie.MacieAdapter;
import io.breachflow.intake.adapter.securityhub.SecurityHubAdapter;

import java.util.Map;

/**
 * Which correlation keys a source may write (issue 10): a raw correlation key must start with a namespace the
 * source owns, else a sender could choose a key in another source's namespace (a CloudEvents producer sending
 * {@code alertmanager:<…>}) and make that source's genuine alerts join the sender's incident. Every source owns
 * {@code <source>:}; the AWS sources (GuardDuty, Security Hub, Macie) share {@code aws:} on purpose, one vendor's
 * namespace, so that their findings on one account and resource join one incident. CloudEvents producers get
 * {@code cloudevents:<ce-source>:} from the adapter ({@link io.breachflow.intake.adapter.cloudevents.CloudEventsAdapter}), so two producers cannot collide either.
 *
 * <p>Enforced in {@link Minimiser}, which every detection passes: a key outside the source's namespace is put
 * under it ({@code <namespace><key>}) rather than refused, so that the alert still opens an incident (its own).
 */
public final class CorrelationNamespaces {

    private static final String AWS = "aws:";
    private static final Map<String, String> SHARED = Map.of(
            GuardDutyAdapter.SOURCE, AWS, SecurityHubAdapter.SOURCE, AWS, MacieAdapter.SOURCE, AWS);

    private CorrelationNamespaces() {
    }

    /** The namespace {@code source} writes in: {@code aws:} for the AWS sources, else {@code <source>:}. */
    public static String of(String source) {
        return SHARED.getOrDefault(source, source + ":");
    }

    /** {@code key} when it lies in the source's namespace, else the key put under that namespace. */
    public static String owned(String source, String key) {
        String namespace = of(source);
        return key.startsWith(namespace) ? key : namespace + key;
    }
}
