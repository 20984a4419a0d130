package io.reactord.systemd;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Matches job object paths to the futures waiting for them. A {@code JobRemoved} signal may be handled
 * before the {@code StartUnit} reply that names the job, so results of unknown jobs are kept for a
 * while and claimed when the reply arrives.
 */
final class JobTracker {
    private static final int KEEP_UNCLAIMED = 1024;

    private final Map<String, CompletableFuture<JobResult>> pending = new HashMap<>();
    private final Map<String, JobResult> unclaimed = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobResult> eldest) {
            return size() > KEEP_UNCLAIMED;
        }
    };

    /** A job was queued: complete {@code future} when its result is (or was) seen. */
    void expect(String job, CompletableFuture<JobResult> future) {
        JobResult early;
        synchronized (this) {
            early = unclaimed.remove(job);
            if (early == null) {
                pending.put(job, future);
            }
        }
        if (early != null) {
            future.complete(early);
        } else {
            future.whenComplete((r, t) -> forget(job, future));
        }
    }

    /** A {@code JobRemoved} arrived. */
    void removed(String job, JobResult result) {
        CompletableFuture<JobResult> future;
        synchronized (this) {
            future = pending.remove(job);
            if (future == null) {
                unclaimed.put(job, result);
            }
        }
        if (future != null) {
            future.complete(result);
        }
    }

    /** The link was lost: no result will come for any pending job. */
    void failAll(RuntimeException cause) {
        Map<String, CompletableFuture<JobResult>> copy;
        synchronized (this) {
            copy = new HashMap<>(pending);
            pending.clear();
            unclaimed.clear();
        }
        copy.values().forEach(f -> f.completeExceptionally(cause));
    }

    private synchronized void forget(String job, CompletableFuture<JobResult> future) {
        pending.remove(job, future);
    }
}
