package io.breachflow.intake.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender that hangs up in the middle of its request (a timeout on its side, a crash, a load balancer giving up) is
 * the sender's business, not a fault of the intake: no ERROR is logged for it, no stack trace. Nothing is published
 * either, since the body never arrived whole.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class ClientHangsUpTest {

    private static final int HANG_UPS = 20;

    @TestHTTPResource("/v1/alerts/alertmanager")
    URI alertmanager;

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorCollector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void collectErrors() {
        Logger.getLogger("").addHandler(errorCollector);
    }

    @AfterEach
    void stopCollecting() {
        Logger.getLogger("").removeHandler(errorCollector);
    }

    @Test
    void aSenderHangingUpMidBodyIsNoError() throws Exception {
        for (int i = 0; i < HANG_UPS; i++) {
            try (Socket socket = new Socket(alertmanager.getHost(), alertmanager.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + alertmanager.getPath() + " HTTP/1.1\r\n"
                        + "Host: " + alertmanager.getHost() + ":" + alertmanager.getPort() + "\r\n"
                        + "Authorization: Bearer " + Senders.TOKEN + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n"
                        + "{\"version\":\"4\",\"alerts\":[").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);   // let the server start reading the body
                if (i % 2 == 0) {
                    socket.setSoLinger(true, 0);   // half of them reset the connection, the others close it
                }
            }
        }
        // A complete request after them is answered: the server noticed each hang-up and went on.
        given().header("Authorization", "Bearer " + Senders.TOKEN).contentType("application/json").body("{")
                .post(alertmanager).then().statusCode(400);
        Thread.sleep(1_000);   // what the server logs about a closed connection comes after it noticed
        List<String> logged = errors.stream()
                .map(record -> record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " / " + record.getThrown()))
                .toList();
        System.out.println("ERROR records after " + HANG_UPS + " hang-ups: " + logged.size());
        assertThat(logged).as("ERROR records after %d senders hung up", HANG_UPS).isEmpty();
    }
}
