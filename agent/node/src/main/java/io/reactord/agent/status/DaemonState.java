package io.reactord.agent.status;

import io.reactord.agent.control.ControlChannel;
import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a status report reads the daemon's promoter state from: in reactorctl, the control socket
 * ({@link #over}); inside the daemon, its own state directly (no request to itself).
 */
public interface DaemonState {
    /** The control socket's path, for messages. */
    Path socket();

    /** Whether there is a daemon to ask at all. */
    boolean present();

    /** Each managed resource's promoter state as the status answer's members, by resource name. */
    Map<String, Map<String, Object>> resources() throws Unavailable;

    /** A resource's last {@code limit} journal records, oldest first, as plain values. */
    List<Object> journal(String resource, int limit) throws Unavailable;

    /** The daemon did not answer, or refused; the message says why in one line. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }

    /** The daemon behind a control channel ({@code status} and {@code journal} requests). */
    static DaemonState over(ControlChannel channel) {
        return new DaemonState() {
            @Override
            public Path socket() {
                return channel.socket();
            }

            @Override
            public boolean present() {
                return channel.socketExists();
            }

            @Override
            public Map<String, Map<String, Object>> resources() throws Unavailable {
                try {
                    return DaemonViews.resources(channel.request(new ControlRequest.Status(null)));
                } catch (ControlClient.DaemonException e) {
                    throw new Unavailable(e.getMessage());
                }
            }

            @Override
            public List<Object> journal(String resource, int limit) throws Unavailable {
                try {
                    return DaemonViews.records(channel.request(new ControlRequest.Journal(resource, null, limit)));
                } catch (ControlClient.DaemonException e) {
                    throw new Unavailable(e.getMessage());
                }
            }
        };
    }
}
