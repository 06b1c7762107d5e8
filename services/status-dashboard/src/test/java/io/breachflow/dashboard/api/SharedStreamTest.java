package io.breachflow.dashboard.api;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.dashboard.consume.ChangeNotices;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two dashboard instances' live streams on one real database (issue 15): this application's broadcaster and a second
 * {@link ChangeNoticeListener}, as another instance runs it, each on a listening connection of its own. What one
 * projector commits reaches both; what it rolls back reaches neither; a listener whose connection is cut reconnects and
 * has its clients reload.
 */
@QuarkusTest
@DashboardInfrastructure
class SharedStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IncidentBroadcaster broadcaster;

    @Inject
    ListeningConnection connections;

    private final List<String> secondInstanceIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger secondInstanceReloads = new AtomicInteger();
    private ChangeNoticeListener secondInstance;
    private Thread secondThread;

    @BeforeEach
    void startTheSecondInstancesListener() {
        secondInstance = new ChangeNoticeListener(connections::open, secondInstanceIds::addAll,
                secondInstanceReloads::incrementAndGet);
        secondThread = new Thread(secondInstance, "second-instance-listener");
        secondThread.start();
        await("the second instance listens").atMost(PATIENCE).until(() -> secondInstance.backendPid().isPresent());
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        secondInstance.stop();
        secondThread.join(5_000);
    }

    @Test
    void aBatchCommittedByTheProjectorReachesTheSubscribersOfBothInstances() {
        List<String> streamed = new CopyOnWriteArrayList<>();
        Cancellable subscription = broadcaster.updates().subscribe().with(update -> streamed.add(update.incidentId()));
        try {
            await().atMost(PATIENCE).until(() -> broadcaster.subscribers() > 0);
            String incidentId = Events.newIncidentId();
            IncidentEventsTopic.publish(Events.opened(incidentId, Severity.HIGH), 0); // projected by the real consumer

            await("this instance's subscriber").atMost(PATIENCE).until(() -> streamed.contains(incidentId));
            await("the second instance").atMost(PATIENCE).until(() -> secondInstanceIds.contains(incidentId));
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void aRolledBackBatchNotifiesNobodyAndALargeOneArrivesWhole() throws Exception {
        String rolledBack = Events.newIncidentId();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ChangeNotices.changed(connection, List.of(rolledBack));
            connection.rollback();
        }
        // More ids than one notice can carry (8000 bytes), committed after the rollback: once they are all in, a
        // notice of the rolled-back transaction would have been too, as PostgreSQL delivers in commit order.
        List<String> committed = IntStream.range(0, 1_000).mapToObj(i -> Events.newIncidentId()).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ChangeNotices.changed(connection, committed);
            connection.commit();
        }
        await("the committed ids").atMost(PATIENCE).until(() -> secondInstanceIds.containsAll(committed));
        assertThat(secondInstanceIds).doesNotContain(rolledBack);
        assertThat(secondInstanceReloads).hasValue(0);
    }

    @Test
    void aListenerWhoseConnectionIsCutReconnectsAndHasItsClientsReload() throws Exception {
        int cut = secondInstance.backendPid().orElseThrow();
        terminate(cut);

        await("the reload after reconnecting").atMost(PATIENCE).until(() -> secondInstanceReloads.get() == 1);
        assertThat(secondInstance.backendPid()).isPresent().isNotEqualTo(java.util.OptionalInt.of(cut));
        String later = Events.newIncidentId();
        try (Connection connection = dataSource.getConnection()) {
            ChangeNotices.changed(connection, List.of(later)); // auto-commit: sent at once
        }
        await("a notice on the new connection").atMost(PATIENCE).until(() -> secondInstanceIds.contains(later));
    }

    @Test
    void thisInstancesSubscribersAreEndedToReloadWhenItsListenerLostItsConnection() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Cancellable subscription = broadcaster.updates().subscribe().with(update -> { }, ended::set);
        try {
            await().atMost(PATIENCE).until(() -> broadcaster.listener().backendPid().isPresent());
            terminate(broadcaster.listener().backendPid().getAsInt());

            await("the subscriber told to reload").atMost(PATIENCE).until(() -> ended.get() != null);
            assertThat(ended.get()).isInstanceOf(IncidentBroadcaster.ReloadRequested.class);
        } finally {
            subscription.cancel();
        }
    }

    private void terminate(int backendPid) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, backendPid);
            statement.execute();
        }
    }
}
