package io.taskgraph.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.port.Workspace;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class TaskMetaWriterTest {
    private final Workspace workspace = mock(Workspace.class);

    private static TaskMeta meta(String status) {
        return TaskMeta.builder().status(status).build();
    }

    @Test
    void writesInTheOrderTheTasksSettledWithoutHoldingUpTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> release.await(10, TimeUnit.SECONDS)).when(workspace).putTaskMeta(eq("a"), any());
        try (TaskMetaWriter writer = new TaskMetaWriter(workspace)) {
            writer.write("a", meta("passed"));
            writer.write("b", meta("passed"));
            writer.write("c", meta("failed"));
            // the caller (the scheduler) is back while the first write is still held up
            assertEquals(1, release.getCount());
            release.countDown();
            writer.finish();
        }
        InOrder order = inOrder(workspace);
        order.verify(workspace).putTaskMeta("a", meta("passed"));
        order.verify(workspace).putTaskMeta("b", meta("passed"));
        order.verify(workspace).putTaskMeta("c", meta("failed"));
    }

    @Test
    void aFailedWriteIsReportedByFinishAndTheWritesAfterItStillHappen() {
        WorkspaceException diskFull = new WorkspaceException("Could not write _task_meta for task 'b' in out.db: "
                + "No space left on device");
        doThrow(diskFull).when(workspace).putTaskMeta(eq("b"), any());
        try (TaskMetaWriter writer = new TaskMetaWriter(workspace)) {
            writer.write("a", meta("passed"));
            writer.write("b", meta("passed"));
            writer.write("c", meta("passed"));
            WorkspaceException reported = assertThrows(WorkspaceException.class, writer::finish);
            assertSame(diskFull, reported);
        }
        InOrder order = inOrder(workspace);
        order.verify(workspace).putTaskMeta("a", meta("passed"));
        order.verify(workspace).putTaskMeta("c", meta("passed"));
    }

    @Test
    void finishWaitsForTheWritesEvenWhenTheCallerIsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        doAnswer(call -> {
            started.countDown();
            Thread.sleep(200);
            written.countDown();
            return null;
        }).when(workspace).putTaskMeta(eq("a"), any());
        try (TaskMetaWriter writer = new TaskMetaWriter(workspace)) {
            writer.write("a", meta("passed"));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.currentThread().interrupt();
            writer.finish();
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertEquals(0, written.getCount(), "finish returned before the write was done");
        }
    }
}
