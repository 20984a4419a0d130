package io.reactord.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.json.Json;
import io.reactord.agent.runtime.Version;
import io.reactord.agent.control.ControlHandler;
import io.reactord.agent.control.ControlRequest;
import io.reactord.agent.control.ReportRequest;
import io.reactord.agent.status.ActiveOn;
import io.reactord.agent.core.AgentCore;
import io.reactord.agent.control.journal.JournalReader;
import io.reactord.agent.control.journal.JournalRecord;
import io.reactord.agent.promoter.Input;
import io.reactord.agent.promoter.PeerView;
import io.reactord.agent.promoter.Promoter;
import io.reactord.agent.promoter.VolumeView;
import io.reactord.agent.view.StateJson;
import io.reactord.events2.ResourceInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The daemon's answers on the control socket (see docs/control-socket.md). State is read on the event
 * loop; journal queries read the files on the client's thread.
 */
final class DaemonControl implements ControlHandler {
    static final long LOOP_TIMEOUT_S = 5;

    private final Daemon d;
    private final StatusReports reports;

    DaemonControl(Daemon d) {
        this.d = d;
        this.reports = new StatusReports(d, this);
    }

    @Override
    public ObjectNode handle(JsonNode json) {
        ControlRequest req = ControlRequest.parse(json);
        // Java 17 has no pattern switch over a sealed type: this chain names every permitted type of ControlRequest
        // (ControlRequestTest lists them; the daemon tests send each over the socket)
        if (req instanceof ControlRequest.Ping) {
            return ok().put("version", Version.get());
        } else if (req instanceof ControlRequest.Status st) {
            return onLoop(core -> status(core, st.resource()));
        } else if (req instanceof ReportRequest r) {
            return reports.answer(r);
        } else if (req instanceof ControlRequest.Journal j) {
            return journal(j);
        } else if (req instanceof ControlRequest.Why w) {
            return why(w.resource());
        } else if (req instanceof ControlRequest.Evict e) {
            return steer(e.resource(), new Input.Evict(e.keepMasked(), null));
        } else if (req instanceof ControlRequest.Move m) {
            return steer(m.resource(), new Input.Move(m.to(), Duration.ofSeconds(m.forSeconds())));
        } else if (req instanceof ControlRequest.Disable dis) {
            return steer(dis.resource(), new Input.Disable(dis.now()));
        } else if (req instanceof ControlRequest.Enable en) {
            return steer(en.resource(), new Input.Enable());
        }
        throw new IllegalArgumentException("unhandled request " + req.cmd());
    }

    private ObjectNode onLoop(Function<AgentCore, ObjectNode> f) {
        try {
            return d.loop().call(() -> f.apply(d.core())).get(LOOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e.getCause();
            }
            throw new IllegalStateException(e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the event loop did not answer within " + LOOP_TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private ObjectNode steer(String res, Input in) {
        return onLoop(core -> {
            if (!core.deliver(res, in)) {
                throw new IllegalArgumentException("no such resource: " + printable(res));
            }
            return status(core, res);
        });
    }

    private ObjectNode status(AgentCore core, String only) {
        return status(core, only, null);
    }

    /** The status answer; {@code each}, when given, also sees each resource's object with the status it shows. */
    private ObjectNode status(AgentCore core, String only, BiConsumer<ObjectNode, Promoter.Status> each) {
        ObjectNode o = ok();
        o.put("node", d.hostname());
        o.put("version", Version.get());
        o.put("ready", d.ready());
        ObjectNode ev = o.putObject("events2");
        ev.put("dump_complete", core.dumpComplete());
        ev.put("lines", core.lines());
        ev.put("unparsed", core.unparsedLines());
        ev.put("restarts", d.streamRestarts());
        long pid = d.events2Pid();
        if (pid > 0) {
            ev.put("pid", pid); // absent while no child runs: never a -1 that a script could hand to kill
        }
        ev.put("ms_since_last_line", core.lastLineMs() < 0 ? -1 : core.nowMs() - core.lastLineMs());
        ArrayNode arr = o.putArray("resources");
        long now = core.nowMs();
        boolean found = false;
        for (Promoter p : core.promoters().values()) {
            if (only != null && !only.equals(p.settings().resource())) {
                continue;
            }
            found = true;
            Promoter.Status s = p.status(now);
            ObjectNode r = arr.addObject();
            r.put("name", s.resource());
            r.put("state", s.state().name());
            r.put("reason", s.reason());
            r.put("in_state_ms", s.inStateMs());
            r.put("target", p.settings().target());
            r.put("target_state", s.target().name().toLowerCase(Locale.ROOT));
            ArrayNode units = r.putArray("units");
            p.settings().units().forEach(units::add);
            r.put("failures", s.failures());
            r.put("max_failures", s.maxFailures());
            r.put("next_action_in_ms", s.nextActionInMs());
            if (s.moveTo() != null) {
                r.put("move_to", s.moveTo());
            }
            r.put("active_on", activeOn(s));
            if (s.view() != null) {
                ObjectNode v = r.putObject("drbd");
                v.put("role", s.view().role().name().toLowerCase(Locale.ROOT));
                v.put("may_promote", s.view().mayPromote());
                v.put("promotion_score", s.view().promotionScore());
                v.put("quorum", s.view().quorate());
                ArrayNode vols = v.putArray("volumes");
                for (VolumeView vv : s.view().volumes()) {
                    vols.addObject().put("volume", vv.volume()).put("disk", vv.disk().name()).put("quorum", vv.quorum());
                }
                ArrayNode peers = v.putArray("peers");
                for (PeerView pv : s.view().peers()) {
                    ObjectNode pn = peers.addObject().put("name", pv.name()).put("connection", pv.connection().name())
                            .put("role", pv.role().name().toLowerCase(Locale.ROOT));
                    ObjectNode disks = pn.putObject("disks");
                    pv.disks().forEach((vol, dk) -> disks.put(String.valueOf(vol), dk.name()));
                }
            }
            if (only != null) {
                ResourceInfo ri = core.cluster().resource(only);
                if (ri != null) {
                    r.set("drbd_state", StateJson.resource(ri));
                }
            }
            if (each != null) {
                each.accept(r, s);
            }
        }
        if (only != null && !found) {
            throw new IllegalArgumentException("no such resource: " + printable(only));
        }
        return o;
    }

    /** The node that runs the resource as this daemon knows it ({@link ActiveOn}); null (unknown) also while events2 is re-read. */
    private String activeOn(Promoter.Status s) {
        if (s.view() == null || !s.stateComplete()) {
            return null; // a stale view would name a node that may have crashed meanwhile
        }
        List<String> primaryPeers = new java.util.ArrayList<>();
        for (PeerView p : s.view().peers()) {
            if (p.role() == io.reactord.events2.Role.PRIMARY) {
                primaryPeers.add(p.name());
            }
        }
        return ActiveOn.of(s.view().isPrimary() && s.target().isUp(), d.hostname(), primaryPeers).node();
    }

    /** The {@code status} answer, for the daemon's own status report. */
    ObjectNode statusAnswer() {
        return onLoop(core -> status(core, null));
    }

    /** The {@code journal} answer for one resource, for the daemon's own status report. */
    ObjectNode journalAnswer(String res, int limit) {
        return journal(new ControlRequest.Journal(res, null, limit));
    }

    private ObjectNode journal(ControlRequest.Journal req) {
        String res = req.resource();
        d.journal().flush();
        List<JournalRecord> recs;
        try {
            recs = JournalReader.read(d.config().stateDir(), res, req.since(), req.limit());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the journal: " + e.getMessage());
        }
        ObjectNode o = ok();
        ArrayNode arr = o.putArray("records");
        recs.forEach(r -> arr.add(r.toJson()));
        return o;
    }

    private ObjectNode why(String res) {
        String[] answer = new String[1];
        ObjectNode st = onLoop(core -> status(core, res, (r, s) -> answer[0] = Why.answer(s, activeOn(s))));
        ObjectNode r = (ObjectNode) st.path("resources").get(0);
        ObjectNode o = ok();
        o.set("resource", r);
        o.put("answer", answer[0]);
        o.set("records", journal(new ControlRequest.Journal(res, null, 20)).get("records"));
        return o;
    }

    private static ObjectNode ok() {
        return Json.object().put("ok", true);
    }

    static String printable(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
