package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager (and with it the bus) dies and comes back under a connected {@link SystemdClient}. */
final class ReconnectTest {
    @TempDir
    Path tmp;

    @Test
    void managerRestarted_clientReconnectsAndReadsFreshState() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        Path state = tmp.resolve("systemd");
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        PrivateSystemd first = PrivateSystemd.start(state);
        try (SystemdClient client = SystemdClient.forAddress(first.busAddress(), Duration.ofSeconds(20))) {
            client.onConnectionState(states::add);
            Files.writeString(first.unitDir().resolve("daemon.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
            client.start().get(10, TimeUnit.SECONDS);
            client.daemonReload().get(10, TimeUnit.SECONDS);
            assertEquals(JobResult.DONE, client.startUnit("daemon.service", "replace").get(10, TimeUnit.SECONDS));

            try {
                first.kill();
            } finally {
                first.close();
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(ConnectionState.DISCONNECTED));
            ExecutionException down = assertThrows(ExecutionException.class,
                    () -> client.unitState("daemon.service").get(10, TimeUnit.SECONDS));
            assertInstanceOf(BusUnavailableException.class, down.getCause());

            try (PrivateSystemd second = PrivateSystemd.start(state)) {
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> states.contains(ConnectionState.RECONNECTED));
                assertEquals(List.of(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED),
                        states);
                assertEquals("inactive", client.unitState("daemon.service").get(10, TimeUnit.SECONDS).activeState());
                assertEquals(JobResult.DONE, client.startUnit("daemon.service", "replace").get(10, TimeUnit.SECONDS));
                assertEquals("active", client.unitState("daemon.service").get(10, TimeUnit.SECONDS).activeState());
            }
        } finally {
            first.close();
        }
    }
}
