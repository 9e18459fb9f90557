package org.recblend.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A cancelled job stays "running" until its thread has unwound, so the shell never closes under it. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTasksTest {

    @Test
    void aCancelledJobLeavesTheListOnlyWhenItsThreadHasReturned() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> job = new Task<>() {
            @Override
            protected Void call() {
                started.countDown();
                // cleaning up after the cancel (e.g. a rollback) is not cut short by the interrupt
                while (true) {
                    try {
                        release.await();
                        return null;
                    } catch (InterruptedException e) {
                        // keep unwinding
                    }
                }
            }
        };
        WaitForAsyncUtils.asyncFx(() -> tasks.submit(job)).get();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        WaitForAsyncUtils.asyncFx(tasks::cancelAll).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(job.isCancelled()).isTrue();
        assertThat(tasks.busyProperty().get()).as("the job's thread is still unwinding").isTrue();

        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tasks.busyProperty().get());
        assertThat(tasks.running()).isEmpty();
        tasks.shutdown();
    }

    @Test
    void cancelAllDoesNotInterruptTheJobsThread() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> interruptedAtCancel = new AtomicReference<>();
        Task<Void> job = new Task<>() {
            @Override
            protected Void call() {
                started.countDown();
                while (!isCancelled()) {
                    Thread.onSpinWait();
                }
                // an interrupt here would make H2 close the project file during the job's rollback
                interruptedAtCancel.set(Thread.currentThread().isInterrupted());
                return null;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> tasks.submit(job)).get();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(tasks::cancelAll).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tasks.busyProperty().get());
        assertThat(job.isCancelled()).isTrue();
        assertThat(interruptedAtCancel.get()).isFalse();
        tasks.shutdown();
    }

    @Test
    void aFinishedJobLeavesTheList() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        Task<Integer> job = new Task<>() {
            @Override
            protected Integer call() {
                return 7;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> tasks.submit(job)).get();
        assertThat(job.get(5, TimeUnit.SECONDS)).isEqualTo(7);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tasks.busyProperty().get());
        tasks.shutdown();
    }
}
