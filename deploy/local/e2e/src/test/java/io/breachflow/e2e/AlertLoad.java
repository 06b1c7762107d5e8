package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.e2e.BreachflowClient.Answer;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady stream of alert groups posted to alert-intake from a thread of its own, one after the other with a pause,
 * whatever the stack goes through, with a client-side ledger of every group answered {@code 202}: its tag and the
 * detection ids the answer named. Every group is new (its own group key, alert names, fingerprints; the tag in its
 * summaries, so its incident is found on the board by its title), so each acknowledged group must become exactly one
 * incident holding exactly its detections.
 *
 * <p>Anything but a {@code 202} is counted, not retried: a refusal ({@code 503} while Kafka is down) or no answer (the
 * intake killed) means the sender still holds the alert, as Alertmanager would; such a group is not in the ledger. A
 * request that timed out may still have been accepted: those are counted apart, and their incidents are not "extra".
 */
final class AlertLoad implements AutoCloseable {

    /** One group answered 202: when the request left and when the answer came (System.nanoTime()), and the clock time it left. */
    record Acknowledged(String tag, List<String> detectionIds, long sentAt, long answeredAt, Instant sentAtClock) {
    }

    private final BreachflowClient client;
    private final AlertmanagerPayloads payloads;
    private final String run;
    private final Duration pause;
    private final ConcurrentLinkedQueue<Acknowledged> ledger = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> notAcknowledged = new TreeMap<>();
    private final List<String> unanswered = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Throwable failure;

    AlertLoad(BreachflowClient client, AlertmanagerPayloads payloads, String run, Duration pause) {
        this.client = client;
        this.payloads = payloads;
        this.run = run;
        this.pause = pause;
        this.thread = new Thread(this::post, "alert-load");
        thread.setDaemon(true);
    }

    AlertLoad start() {
        thread.start();
        return this;
    }

    /** The summary every alert of the group with this tag carries: the incident's title on the board. */
    static String title(String tag) {
        return "Crash test alert group " + tag;
    }

    private void post() {
        try {
            for (int n = 0; running.get(); n++) {
                String tag = run + "-" + n;
                ObjectNode group = payloads.group(tag);
                for (JsonNode alert : group.path("alerts")) {
                    ((ObjectNode) alert).withObjectProperty("annotations").put("summary", title(tag));
                }
                long sent = System.nanoTime();
                Instant sentAtClock = Instant.now();
                try {
                    Answer answer = client.postAlertmanager(group);
                    if (answer.status() == 202) {
                        List<String> ids = new ArrayList<>();
                        if (answer.json() != null) { // else the group is in the ledger without ids, which the test refuses
                            answer.json().path("detectionIds").forEach(id -> ids.add(id.asText()));
                        }
                        ledger.add(new Acknowledged(tag, List.copyOf(ids), sent, System.nanoTime(), sentAtClock));
                    } else {
                        count("HTTP " + answer.status());
                    }
                } catch (UncheckedIOException e) {
                    boolean timedOut = e.getCause() instanceof java.net.http.HttpTimeoutException;
                    count(timedOut ? "timed out (may have been accepted)" : "no answer (" + e.getCause().getClass().getSimpleName() + ")");
                    if (timedOut) {
                        synchronized (unanswered) {
                            unanswered.add(tag);
                        }
                    }
                }
                Thread.sleep(pause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void count(String outcome) {
        synchronized (notAcknowledged) {
            notAcknowledged.merge(outcome, 1, Integer::sum);
        }
    }

    /** Every group answered 202 so far, in the order of their answers. */
    List<Acknowledged> ledger() {
        return List.copyOf(ledger);
    }

    /** The first group answered 202 whose request left after {@code nanoTime}, once there is one. */
    Acknowledged firstSentAfter(long nanoTime) {
        return ledger.stream().filter(entry -> entry.sentAt() > nanoTime).findFirst().orElse(null);
    }

    /** How many requests got which answer other than 202. */
    Map<String, Integer> notAcknowledged() {
        synchronized (notAcknowledged) {
            return new TreeMap<>(notAcknowledged);
        }
    }

    /** Groups whose request timed out: the intake may have accepted them. */
    List<String> unanswered() {
        synchronized (unanswered) {
            return List.copyOf(unanswered);
        }
    }

    /** Stops posting (the request under way is finished) and fails if the load thread itself broke. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(30).toMillis());
        if (failure != null) {
            throw new IllegalStateException("the load thread failed", failure);
        }
    }
}
