package io.reactord.sim;

import java.util.Locale;

/**
 * The text of {@code drbdsetup status [--json]} and {@code drbdsetup show --show-defaults --json} for one node,
 * shaped like drbd-utils' output (the keys the agent and drbd-reactor read, with their JSON types).
 */
final class StatusJson {

    private StatusJson() {
    }

    static String status(SimCluster c, String node, Iterable<String> resources, boolean json) {
        StringBuilder sb = new StringBuilder();
        if (json) {
            sb.append("[\n");
        }
        boolean first = true;
        for (String r : resources) {
            NodeResource x = c.nodeResource(node, r);
            if (json) {
                if (!first) {
                    sb.append(",\n");
                }
                statusJson(c, node, x, sb);
            } else {
                statusText(c, x, sb);
            }
            first = false;
        }
        if (json) {
            sb.append("\n]\n");
        }
        return sb.toString();
    }

    private static void statusJson(SimCluster c, String node, NodeResource x, StringBuilder sb) {
        sb.append("{\n  \"name\": ").append(q(x.spec.name())).append(",\n  \"node-id\": ").append(c.nodeId(node))
                .append(",\n  \"role\": ").append(q(x.role.word()))
                .append(",\n  \"suspended\": ").append(x.suspendedQuorum)
                .append(",\n  \"suspended-user\": false,\n  \"suspended-no-data\": false,\n  \"suspended-fencing\": false")
                .append(",\n  \"suspended-quorum\": ").append(x.suspendedQuorum)
                .append(",\n  \"force-io-failures\": ").append(x.forceIoFailures)
                .append(",\n  \"write-ordering\": \"flush\",\n  \"devices\": [");
        for (int v = 0; v < x.disk.length; v++) {
            sb.append(v == 0 ? "\n" : ",\n");
            sb.append("    {\n      \"volume\": ").append(v).append(",\n      \"minor\": ").append(x.spec.firstMinor() + v)
                    .append(",\n      \"disk-state\": ").append(q(x.disk[v].word()))
                    .append(",\n      \"client\": ").append(x.client)
                    .append(",\n      \"open\": ").append(x.openCount > 0)
                    .append(",\n      \"quorum\": ").append(x.quorum[v])
                    .append(",\n      \"size\": ").append(x.client ? 0 : ViewRenderer.VOLUME_KIB)
                    .append(",\n      \"read\": ").append(x.readKiB).append(",\n      \"written\": ").append(x.writtenKiB)
                    .append(",\n      \"al-writes\": 0,\n      \"bm-writes\": 0,\n      \"upper-pending\": 0,\n"
                            + "      \"lower-pending\": 0\n    }");
        }
        sb.append(" ],\n  \"connections\": [");
        boolean firstConn = true;
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            sb.append(firstConn ? "\n" : ",\n");
            firstConn = false;
            sb.append("    {\n      \"peer-node-id\": ").append(c.nodeId(l.peer)).append(",\n      \"name\": ")
                    .append(q(l.peer)).append(",\n      \"connection-state\": ").append(q(l.conn.word()))
                    .append(",\n      \"congested\": false,\n      \"peer-role\": ")
                    .append(q((l.connected() ? p.role : Role.UNKNOWN).word()))
                    .append(",\n      \"ap-in-flight\": 0,\n      \"rs-in-flight\": 0,\n      \"peer_devices\": [");
            for (int v = 0; v < x.disk.length; v++) {
                DiskState pd = l.connected() ? p.disk[v] : DiskState.DUNKNOWN;
                ReplState rs = l.connected() ? l.repl[v] : ReplState.OFF;
                boolean syncing = l.connected() && l.done[v] >= 0;
                sb.append(v == 0 ? "\n" : ",\n");
                sb.append("        {\n          \"volume\": ").append(v)
                        .append(",\n          \"replication-state\": ").append(q(rs.word()))
                        .append(",\n          \"peer-disk-state\": ").append(q(pd.word()))
                        .append(",\n          \"peer-client\": ").append(p.client)
                        .append(",\n          \"resync-suspended\": \"no\",\n          \"received\": ").append(l.received[v])
                        .append(",\n          \"sent\": ").append(l.sent[v])
                        .append(",\n          \"out-of-sync\": 0,\n          \"pending\": 0,\n          \"unacked\": 0")
                        .append(",\n          \"has-sync-details\": ").append(syncing)
                        .append(",\n          \"has-online-verify-details\": false,\n          \"percent-in-sync\": ")
                        .append(String.format(Locale.ROOT, "%.2f", syncing ? l.done[v] : 100.0));
                if (syncing) {
                    sb.append(",\n          \"percent-resync-done\": ").append(String.format(Locale.ROOT, "%.2f", l.done[v]));
                }
                sb.append("\n        }");
            }
            sb.append(" ]\n    }");
        }
        sb.append(" ]\n}");
    }

    private static void statusText(SimCluster c, NodeResource x, StringBuilder sb) {
        sb.append(x.spec.name()).append(" role:").append(x.role.word());
        if (x.suspendedQuorum) {
            sb.append(" suspended:quorum");
        }
        sb.append('\n');
        for (int v = 0; v < x.disk.length; v++) {
            sb.append(x.disk.length > 1 ? "  volume:" + v + " disk:" : "  disk:").append(x.disk[v].word());
            if (!x.quorum[v]) {
                sb.append(" quorum:no");
            }
            sb.append('\n');
        }
        for (PeerLink l : x.peers.values()) {
            NodeResource p = c.nodeResource(l.peer, x.spec.name());
            sb.append("  ").append(l.peer);
            if (l.connected()) {
                sb.append(" role:").append(p.role.word()).append('\n');
                for (int v = 0; v < x.disk.length; v++) {
                    sb.append(x.disk.length > 1 ? "    volume:" + v + " " : "    ");
                    if (l.repl[v] != ReplState.ESTABLISHED) {
                        sb.append("replication:").append(l.repl[v].word()).append(' ');
                    }
                    sb.append("peer-disk:").append(p.disk[v].word());
                    if (l.done[v] >= 0) {
                        sb.append(" done:").append(String.format(Locale.ROOT, "%.2f", l.done[v]));
                    }
                    sb.append('\n');
                }
            } else {
                sb.append(" connection:").append(l.conn.word()).append('\n');
            }
        }
        sb.append('\n');
    }

    static String show(SimCluster c, String node, Iterable<String> resources) {
        StringBuilder sb = new StringBuilder("[\n");
        boolean first = true;
        for (String r : resources) {
            NodeResource x = c.nodeResource(node, r);
            ResourceOptions o = x.spec.options();
            sb.append(first ? "" : ",\n");
            first = false;
            sb.append("    {\n        \"resource\": ").append(q(r)).append(",\n        \"options\": {\n")
                    .append("            \"cpu-mask\": \"\",\n")
                    .append("            \"on-no-data-accessible\": ").append(q(o.onNoQuorum().word())).append(",\n")
                    .append("            \"auto-promote\": ").append(o.autoPromote()).append(",\n")
                    .append("            \"peer-ack-window\": \"4096s\",\n            \"peer-ack-delay\": 100,\n")
                    .append("            \"twopc-timeout\": 300,\n            \"twopc-retry-timeout\": 1,\n")
                    .append("            \"auto-promote-timeout\": 20,\n            \"max-io-depth\": 8000,\n")
                    .append("            \"quorum\": ").append(q(o.quorum().word())).append(",\n")
                    .append("            \"on-no-quorum\": ").append(q(o.onNoQuorum().word())).append(",\n")
                    .append("            \"quorum-minimum-redundancy\": ").append(q(o.minimumRedundancy().word()))
                    .append(",\n            \"on-suspended-primary-outdated\": ")
                    .append(q(o.onSuspendedPrimaryOutdated().word())).append("\n        },\n")
                    .append("        \"_this_host\": {\n            \"node-id\": ").append(c.nodeId(node))
                    .append(",\n            \"volumes\": [");
            for (int v = 0; v < x.disk.length; v++) {
                sb.append(v == 0 ? "\n" : ",\n").append("                {\n                    \"volume_nr\": ").append(v)
                        .append(",\n                    \"device_minor\": ").append(x.spec.firstMinor() + v)
                        .append(",\n                    \"backing-disk\": ")
                        .append(x.client ? "\"none\"" : q("/dev/drbdpool/" + r + "_" + String.format(Locale.ROOT, "%05d", v)))
                        .append(",\n                    \"meta-disk\": \"internal\",\n")
                        .append("                    \"disk\": {\n                        \"on-io-error\": \"detach\"\n")
                        .append("                    }\n                }");
            }
            sb.append(" ]\n        },\n        \"connections\": [");
            boolean firstConn = true;
            for (PeerLink l : x.peers.values()) {
                sb.append(firstConn ? "\n" : ",\n");
                firstConn = false;
                sb.append("            {\n                \"_peer_node_id\": ").append(c.nodeId(l.peer))
                        .append(",\n                \"path\": {\n                    \"_this_host\": ")
                        .append(q("ipv4 " + c.address(node) + ":" + x.spec.port()))
                        .append(",\n                    \"_remote_host\": ")
                        .append(q("ipv4 " + c.address(l.peer) + ":" + x.spec.port()))
                        .append("\n                },\n                \"net\": {\n")
                        .append("                    \"transport\": \"tcp\",\n                    \"protocol\": \"C\",\n")
                        .append("                    \"timeout\": 60,\n                    \"connect-int\": 10,\n")
                        .append("                    \"ping-int\": 10,\n                    \"ping-timeout\": 5,\n")
                        .append("                    \"allow-two-primaries\": false,\n")
                        .append("                    \"rr-conflict\": \"retry-connect\",\n")
                        .append("                    \"fencing\": ").append(q(o.fencing())).append(",\n")
                        .append("                    \"_name\": ").append(q(l.peer)).append("\n                },\n")
                        .append("                \"volumes\": [");
                for (int v = 0; v < x.disk.length; v++) {
                    sb.append(v == 0 ? "\n" : ",\n").append("                    {\n                        \"volume_nr\": ")
                            .append(v).append(",\n                        \"disk\": {\n")
                            .append("                            \"resync-rate\": 250,\n")
                            .append("                            \"bitmap\": true\n                        }\n                    }");
                }
                sb.append(" ]\n            }");
            }
            sb.append(" ]\n    }");
        }
        return sb.append("\n]\n").toString();
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
