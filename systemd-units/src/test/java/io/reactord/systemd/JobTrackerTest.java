package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

final class JobTrackerTest {
    private final JobTracker tracker = new JobTracker();

    @Test
    void removed_afterExpect_completesTheFuture() {
        CompletableFuture<JobResult> f = new CompletableFuture<>();
        tracker.expect("/job/1", f);
        assertFalse(f.isDone());
        tracker.removed("/job/1", JobResult.SKIPPED);
        assertEquals(JobResult.SKIPPED, f.join());
    }

    @Test
    void removed_beforeTheReplyNamedTheJob_resultKeptForExpect() {
        tracker.removed("/job/2", JobResult.DONE);
        CompletableFuture<JobResult> f = new CompletableFuture<>();
        tracker.expect("/job/2", f);
        assertEquals(JobResult.DONE, f.join());
    }

    @Test
    void removed_otherJob_leavesFuturePending() {
        CompletableFuture<JobResult> f = new CompletableFuture<>();
        tracker.expect("/job/3", f);
        tracker.removed("/job/4", JobResult.FAILED);
        assertFalse(f.isDone());
    }

    @Test
    void failAll_pendingJobs_failWithTheCause() {
        CompletableFuture<JobResult> f = new CompletableFuture<>();
        tracker.expect("/job/5", f);
        tracker.failAll(new BusUnavailableException("gone"));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(BusUnavailableException.class, e.getCause());
    }

    @Test
    void of_unknownResultString_unknown() {
        assertEquals(JobResult.UNKNOWN, JobResult.of("exploded"));
        assertEquals(JobResult.DEPENDENCY, JobResult.of("dependency"));
        assertTrue(JobResult.of("canceled") == JobResult.CANCELED);
    }
}
