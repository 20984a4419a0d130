package io.reactord.agent.status;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status -v}'s check of a Prometheus exporter, as drbd-reactorctl makes it: a TCP connection to each
 * address the configured {@code [HOST]:PORT} stands for ({@code :PORT}: {@code [::]} and {@code 0.0.0.0}), each
 * within {@link #TIMEOUT_MS}; one line per address, {@code TCP Connect (ADDR): success} or {@code failed (WHY)}.
 */
final class PrometheusProbe {
    static final int TIMEOUT_MS = 2000;

    private PrometheusProbe() {}

    static List<String> probe(String address) {
        List<String> out = new ArrayList<>();
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (RuntimeException e) {
            out.add("TCP Connect (" + address + "): failed (not HOST:PORT)");
            return out;
        }
        String host = address.substring(0, Math.max(colon, 0));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> targets = new ArrayList<>();
        try {
            if (host.isEmpty()) {
                targets.add(InetAddress.getByName("::"));
                targets.add(InetAddress.getByName("0.0.0.0"));
            } else {
                targets.addAll(List.of(InetAddress.getAllByName(host)));
            }
        } catch (IOException e) {
            out.add("TCP Connect (" + address + "): failed (" + e.getMessage() + ")");
            return out;
        }
        for (InetAddress a : targets) {
            String shown = (a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress()) + ":" + port;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port), TIMEOUT_MS);
                out.add("TCP Connect (" + shown + "): success");
            } catch (IOException | RuntimeException e) {
                out.add("TCP Connect (" + shown + "): failed (" + e.getMessage() + ")");
            }
        }
        return out;
    }
}
