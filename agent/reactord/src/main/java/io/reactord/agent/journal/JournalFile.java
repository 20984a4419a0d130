package io.reactord.agent.journal;

import io.reactord.agent.control.journal.JournalReader;
import io.reactord.agent.control.journal.JournalRecord;
import io.reactord.agent.json.Json;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.promoter.JournalEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk journal ring: appends JSON lines to {@code DIR/journal.jsonl} on its own thread; when
 * the file exceeds {@code maxBytes} it becomes {@code journal.jsonl.1} (replacing the previous one), so
 * at most about {@code 2 x maxBytes} are kept. Write errors are logged once and otherwise ignored: the
 * journal never stops the agent. The state directory is made 0700 and the files are 0600 ({@link StateFiles}).
 */
public final class JournalFile implements JournalSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    public static final String NAME = JournalReader.NAME;
    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    private final Path file;
    private final Path rotated;
    private final long maxBytes;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reactord-journal");
        t.setDaemon(true);
        return t;
    });
    private boolean warned;
    private boolean dirChecked;

    public JournalFile(Path dir, long maxBytes) {
        this.file = dir.resolve(NAME);
        this.rotated = dir.resolve(NAME + ".1");
        this.maxBytes = maxBytes;
    }

    /** The journal files in a state directory, oldest first. */
    public static Path[] files(Path dir) {
        return JournalReader.files(dir);
    }

    @Override
    public void append(JournalEntry e) {
        JournalRecord r = JournalRecord.of(e, Instant.now());
        writer.execute(() -> write(r));
    }

    private void write(JournalRecord r) {
        try {
            byte[] line = (Json.write(r.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
            if (!dirChecked) {
                StateFiles.ensureDir(file.getParent());
                StateFiles.restrict(file);
                StateFiles.restrict(rotated);
                dirChecked = true;
            }
            if (Files.exists(file) && Files.size(file) + line.length > maxBytes) {
                Files.move(file, rotated, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            try (FileChannel o = StateFiles.append(file)) {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) {
                    o.write(b);
                }
            }
            warned = false;
        } catch (IOException | RuntimeException ex) {
            if (!warned) {
                warned = true;
                LOG.warn("journal: cannot write {}: {}", file, ex.toString());
            }
        }
    }

    /** Waits until everything appended so far is written. */
    public void flush() {
        try {
            writer.submit(() -> {}).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("journal flush: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }
}
