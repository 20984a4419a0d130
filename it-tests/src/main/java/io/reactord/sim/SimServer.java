package io.reactord.sim;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SimCluster} live: virtual time follows the monotonic clock (1 ms = 1 ms), and every simulated node
 * has its own loopback TCP port that its fake tools ({@link FakeDrbdTools}) talk to with the line protocol in
 * docs/simulator.md. A crashed node's port is closed, so its tools fail with "connection refused" and its
 * events2 streams end; a restarted node gets the same port back.
 */
public final class SimServer implements AutoCloseable {

    /** First line of every request, before the tab-separated tool and arguments. */
    public static final String PROTOCOL = "drbdsim/1";
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final String END = "\u0000end";
    private static final String QUIT = "\u0000quit";

    private final SimCluster cluster;
    private final ToolCommands commands;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private final Map<String, Set<Socket>> connections = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final long startVirtual;
    private volatile boolean running;
    private Thread clock;

    public SimServer(SimCluster cluster) {
        this.cluster = cluster;
        this.commands = new ToolCommands(cluster);
        this.startVirtual = cluster.now();
    }

    public SimCluster cluster() {
        return cluster;
    }

    /** Binds one loopback port per node (ephemeral) and starts the clock. */
    public synchronized void start() throws IOException {
        running = true;
        for (String node : cluster.nodeNames()) {
            connections.put(node, ConcurrentHashMap.newKeySet());
            if (cluster.isUp(node)) {
                listen(node, 0);
            } else {
                ports.put(node, reservePort());
            }
        }
        cluster.addNodeListener(new SimCluster.NodeListener() {
            @Override
            public void nodeUp(String node) {
                if (!running) {
                    return;
                }
                try {
                    listen(node, ports.get(node));
                } catch (IOException e) {
                    LOG.error("{}: cannot listen on port {} again: {}", node, ports.get(node), e.toString());
                }
            }

            @Override
            public void nodeDown(String node) {
                unlisten(node);
            }
        });
        clock = new Thread(this::runClock, "sim-clock");
        clock.setDaemon(true);
        clock.start();
    }

    /** The loopback port of this node's tools. */
    public int port(String node) {
        Integer p = ports.get(node);
        if (p == null) {
            throw new IllegalArgumentException("unknown node " + node);
        }
        return p;
    }

    /** Installs every node's fake tools into {@code baseDir/<node>/bin}; returns the per-node directories. */
    public Map<String, Path> installTools(Path baseDir) throws IOException {
        Map<String, Path> out = new java.util.LinkedHashMap<>();
        for (String node : cluster.nodeNames()) {
            Path dir = baseDir.resolve(node).resolve("bin");
            FakeDrbdTools.install(dir, node, port(node));
            out.put(node, dir);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (clock != null) {
            clock.interrupt();
        }
        for (String node : cluster.nodeNames()) {
            unlisten(node);
        }
    }

    private void runClock() {
        while (running) {
            long virtual = startVirtual + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            try {
                cluster.advanceTo(virtual);
            } catch (RuntimeException e) {
                LOG.error("simulator step failed", e);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int reservePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void listen(String node, int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ports.put(node, ss.getLocalPort());
        Thread t = new Thread(() -> accept(node, ss), "sim-accept-" + node);
        t.setDaemon(true);
        listeners.put(node, new Listener(ss, t));
        t.start();
    }

    private void unlisten(String node) {
        Listener l = listeners.remove(node);
        if (l != null) {
            closeQuietly(l.socket());
            awaitAcceptorGone(node, l.acceptor());
        }
        for (Socket s : connections.getOrDefault(node, Set.of())) {
            closeQuietly(s);
        }
    }

    /**
     * Waits until the node's accept thread has left {@code accept}: until then the kernel's listening socket stays
     * open (a thread blocked in accept holds it), and a tool that connects meanwhile would be served by a node that
     * is already down instead of finding the port closed. On a busy machine that window was long enough for a
     * tool started after the crash to get in.
     */
    private static void awaitAcceptorGone(String node, Thread t) {
        if (t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("{}: the accept thread has not ended 30 s after its port was closed", node);
        }
    }

    private void accept(String node, ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                if (ss.isClosed()) {
                    closeQuietly(s); // accepted while the port was being closed: the node is gone, no answer
                    return;
                }
                s.setTcpNoDelay(true);
                connections.get(node).add(s);
                Thread t = new Thread(() -> serve(node, s), "sim-" + node + "-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(String node, Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
            String request = in.readLine();
            if (request == null) {
                return;
            }
            List<String> parts = new ArrayList<>(Arrays.asList(request.split("\t", -1)));
            if (parts.size() < 2 || !parts.get(0).equals(PROTOCOL)) {
                reply(out, new ToolResult(20, "", "simulator: bad request (expected " + PROTOCOL + ")\n"));
                return;
            }
            String tool = parts.get(1);
            List<String> args = parts.subList(2, parts.size());
            if (tool.equals("drbdsetup") && !args.isEmpty() && args.get(0).equals("events2")) {
                events2(node, args.subList(1, args.size()), in, out);
            } else {
                reply(out, commands.run(node, tool, args));
            }
        } catch (IOException e) {
            LOG.debug("{}: client connection ended: {}", node, e.toString());
        } finally {
            connections.get(node).remove(s);
        }
    }

    private static void reply(Writer out, ToolResult r) throws IOException {
        for (String line : lines(r.stdout())) {
            out.write("O " + line + "\n");
        }
        for (String line : lines(r.stderr())) {
            out.write("E " + line + "\n");
        }
        out.write("X " + r.exitCode() + "\n");
        out.flush();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(t.split("\n", -1));
    }

    /** Streams {@code drbdsetup events2 [--now] [--poll] [--timestamps] [res|all]} until quit or node death. */
    private void events2(String node, List<String> args, BufferedReader in, Writer out) throws IOException {
        boolean now = args.contains("--now");
        boolean poll = args.contains("--poll");
        boolean stamps = args.contains("--timestamps");
        List<String> pos = ToolCommands.positional(args);
        String res = pos.isEmpty() || pos.get(0).equals("all") ? null : pos.get(0);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Events2Listener listener = new Events2Listener() {
            @Override
            public void lines(List<String> lines) {
                String prefix = stamps ? ZonedDateTime.now().format(STAMP) + " " : "";
                for (String l : lines) {
                    queue.add(prefix + l);
                }
            }

            @Override
            public void ended(String reason) {
                queue.add(END);
            }
        };
        Events2Subscription sub;
        try {
            sub = cluster.subscribe(node, res, listener);
        } catch (IllegalStateException e) {
            return; // node died between accept and subscribe: like a dead kernel, no answer
        }
        if (now) {
            sub.close();
            queue.add(QUIT);
        } else {
            Thread reader = new Thread(() -> readPolls(in, sub, poll, queue), "sim-events2-stdin-" + node);
            reader.setDaemon(true);
            reader.start();
        }
        try {
            while (true) {
                String line = queue.take();
                if (line.equals(END)) {
                    return; // the node crashed: the stream just stops, no exit line
                }
                if (line.equals(QUIT)) {
                    sub.close();
                    out.write("X 0\n");
                    out.flush();
                    return;
                }
                out.write("O " + line + "\n");
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketException e) {
            LOG.debug("{}: events2 client went away", node);
        } finally {
            sub.close();
        }
    }

    private static void readPolls(BufferedReader in, Events2Subscription sub, boolean poll, LinkedBlockingQueue<String> q) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("n") && poll) {
                    sub.poll();
                } else if (line.equals("q")) {
                    break;
                }
            }
        } catch (IOException e) {
            // connection closed
        }
        q.add(QUIT);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** A node's listening port and the thread accepting on it. */
    private record Listener(ServerSocket socket, Thread acceptor) {}
}
