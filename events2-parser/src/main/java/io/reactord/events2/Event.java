package io.reactord.events2;

import java.util.List;

/**
 * One line of {@code drbdsetup events2}. State fields are null when the line did not carry the key
 * (change lines carry only what changed); {@code other} keeps statistics and unknown keys in line
 * order. {@code timestamp} is the {@code --timestamps} prefix or null.
 */
public sealed interface Event {

    /** The {@code --timestamps} prefix of the line, or null. */
    String timestamp();

    /** {@code <action> resource name:R role:… suspended:… force-io-failures:… may_promote:… promotion_score:…}. */
    record Resource(String timestamp, Action action, String name, Role role, List<String> suspended,
            TriState forceIoFailures, String writeOrdering, Boolean mayPromote, Integer promotionScore,
            Attrs other) implements Event {}

    /** {@code <action> device name:R volume:V minor:M backing_dev:… disk:… client:… open:… quorum:…}. */
    record Device(String timestamp, Action action, String name, int volume, Integer minor, String backingDev,
            DiskState disk, TriState client, TriState open, Boolean quorum, Attrs other) implements Event {}

    /** {@code <action> connection name:R peer-node-id:N conn-name:C connection:… role:…} (role of the peer). */
    record Connection(String timestamp, Action action, String name, int peerNodeId, String connName,
            ConnectionState connection, Role peerRole, Attrs other) implements Event {}

    /** {@code <action> peer-device name:R peer-node-id:N conn-name:C volume:V replication:… peer-disk:… …}. */
    record PeerDevice(String timestamp, Action action, String name, int peerNodeId, String connName, int volume,
            ReplicationState replication, DiskState peerDisk, TriState peerClient, List<String> resyncSuspended,
            String done, Attrs other) implements Event {}

    /** {@code <action> path name:R peer-node-id:N conn-name:C local:A peer:B established:…}. */
    record Path(String timestamp, Action action, String name, int peerNodeId, String connName, String local,
            String peer, Boolean established, Attrs other) implements Event {}

    /** {@code call|response helper name:R [peer-node-id conn-name local peer volume minor] helper:H [status:S]}. */
    record Helper(String timestamp, Action action, String name, Integer peerNodeId, String connName, String local,
            String peer, Integer volume, Integer minor, String helper, Integer status, Attrs other)
            implements Event {}

    /** {@code rename resource name:OLD new_name:NEW}. */
    record Rename(String timestamp, String name, String newName, Attrs other) implements Event {}

    /** {@code exists -}: the initial state dump is complete. */
    record DumpComplete(String timestamp) implements Event {}

    /** A line that is not an event, with the reason; the stream goes on. */
    record Unparsed(String timestamp, String line, String reason) implements Event {}
}
