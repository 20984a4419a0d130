package io.reactord.agent.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit and captures its stdout (bounded). For start-up work only. */
final class Exec {
    /** Exit status (-1: could not run or timed out) and stdout. */
    record Result(int status, String stdout, String error) {}

    static final int MAX_OUTPUT = 4 << 20;

    private Exec() {}

    static Result run(List<String> argv, long timeoutSeconds) {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] b = new byte[8192];
                int n;
                while ((n = in.read(b)) > 0) {
                    synchronized (out) {
                        if (out.size() < MAX_OUTPUT) {
                            out.write(b, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "reactord-exec");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out after " + timeoutSeconds + " s");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "", "interrupted");
        }
        synchronized (out) {
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), "");
        }
    }
}
