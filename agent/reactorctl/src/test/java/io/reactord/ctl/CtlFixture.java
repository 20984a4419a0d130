package io.reactord.ctl;

import io.reactord.systemd.Systemctl;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** A configuration directory with a fake drbdsetup, and helpers to run reactorctl commands in-process. */
final class CtlFixture {
    final Path dir;
    final Path main;
    final Path snippets;
    final Path drbdsetup;
    final Path socket;
    /** The peer command of {@code [peers]}: logs its arguments to {@code peers.log}, exits with {@code peer-exit} (default 0). */
    final Path peer;

    CtlFixture(Path dir) throws IOException {
        this.dir = dir;
        this.snippets = Files.createDirectories(dir.resolve("d"));
        this.drbdsetup = dir.resolve("fake-drbdsetup");
        this.socket = dir.resolve("ctl.sock");
        this.peer = write("peer", "#!/bin/sh\necho \"$*\" >> " + dir.resolve("peers.log") + "\n"
                + "[ -e " + dir.resolve("peer-exit") + " ] && { echo \"peer says no\"; exit \"$(cat " + dir.resolve("peer-exit") + ")\"; }\nexit 0\n");
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.main = write("main.toml", "snippets = \"" + snippets + "\"\ndrbdsetup = \"" + drbdsetup + "\"\nsocket = \"" + socket + "\"\n"
                + "[peers]\ncommand = [\"" + peer + "\", \"{node}\"]\ntimeout = \"5s\"\n");
        events2("exists -");
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    Path snippet(String name, String text) throws IOException {
        return write("d/" + name, text);
    }

    /** The fake drbdsetup prints these lines for {@code events2} (and nothing else). */
    void events2(String... lines) throws IOException {
        script("cat <<'EOF'\n" + String.join("\n", lines) + "\nEOF\n");
    }

    /** The fake drbdsetup runs this shell body. */
    void script(String body) throws IOException {
        Files.writeString(drbdsetup, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(drbdsetup, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code -c MAIN} and then {@code args}: a command line for this configuration. */
    String[] withConfig(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = main.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    static Systemctl systemctl(PrivateSystemd sd) {
        return new Systemctl(List.of("systemctl", "--user"), sd.env(), 30_000);
    }

    /** Captured stdout and stderr of a command. */
    static final class Io {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        final PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
