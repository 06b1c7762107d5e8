package io.breachflow.intake.publish;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the Kafka cluster answers: without it no alert can be accepted, so a load balancer should
 * send senders elsewhere. Asks the cluster with an admin {@code describeCluster}, bounded by
 * {@link #TIMEOUT}, and caches the answer for {@link #CACHE_FOR}, so that frequent probes do not load the broker.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final String NAME = "kafka";

    private final IntakeKafka kafka;
    private Admin admin;
    private HealthCheckResponse lastResponse;
    private long lastCheckedNanos;

    @Inject
    public KafkaReadinessCheck(IntakeKafka kafka) {
        this.kafka = kafka;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (lastResponse == null || System.nanoTime() - lastCheckedNanos > CACHE_FOR.toNanos()) {
            lastResponse = describeCluster();
            lastCheckedNanos = System.nanoTime();
        }
        return lastResponse;
    }

    private HealthCheckResponse describeCluster() {
        try {
            if (admin == null) {
                admin = Admin.create(kafka.admin(TIMEOUT));
            }
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named(NAME).up()
                    .withData("bootstrap.servers", kafka.bootstrapServers())
                    .withData("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (Exception e) {
            return down(e);
        }
    }

    private HealthCheckResponse down(Exception cause) {
        return HealthCheckResponse.named(NAME).down()
                .withData("bootstrap.servers", kafka.bootstrapServers())
                .withData("error", String.valueOf(cause))
                .build();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
