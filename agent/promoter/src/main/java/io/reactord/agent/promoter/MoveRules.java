package io.reactord.agent.promoter;

import io.reactord.events2.Role;

/**
 * The rules of a move in force ({@code reactorctl move RES --to NODE}), pure functions of the view. Every
 * node is told about the move: the node that runs the resource releases it once NODE can take over, NODE
 * prefers itself, every other node holds back while NODE could promote. The move ends for every node as
 * soon as it has landed (NODE Primary with its target active, as far as this node can see it), or when
 * it expires: nothing of it remains afterwards.
 */
final class MoveRules {
    private MoveRules() {}

    /** NODE as a peer of this view, or null when it is not one. */
    static PeerView peer(ResourceView view, String node) {
        if (view == null || node == null) {
            return null;
        }
        for (PeerView p : view.peers()) {
            if (p.name().equals(node)) {
                return p;
            }
        }
        return null;
    }

    /** NODE is connected with UpToDate data on every volume: it can promote, and its peers leave it to it. */
    static boolean targetReady(ResourceView view, String node) {
        PeerView p = peer(view, node);
        return p != null && p.upToDate();
    }

    /** The move is over: on NODE, Primary with the target active; elsewhere, NODE seen Primary. */
    static boolean landed(PromoterSettings s, ResourceView view, boolean targetUp, String node) {
        if (node == null || view == null) {
            return false;
        }
        if (node.equals(s.localNode())) {
            return view.isPrimary() && targetUp;
        }
        PeerView p = peer(view, node);
        return p != null && p.connection() == ConnState.CONNECTED && p.role() == Role.PRIMARY;
    }

    /** A node other than NODE does not promote while NODE is connected and UpToDate. */
    static boolean holdsBack(PromoterSettings s, ResourceView view, String node) {
        return node != null && !node.equals(s.localNode()) && targetReady(view, node);
    }
}
