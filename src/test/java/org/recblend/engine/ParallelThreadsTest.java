package org.recblend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workbench's "threads for compute" preference reaches every parallel loop through one property. */
class ParallelThreadsTest {
    @AfterEach
    void clear() {
        System.clearProperty(Parallel.THREADS_PROPERTY);
    }

    @Test
    void theConfiguredThreadsWinOverTheCores() {
        System.setProperty(Parallel.THREADS_PROPERTY, "3");
        assertThat(Parallel.defaultThreads()).isEqualTo(3);
    }

    @Test
    void aMissingOrBadValueMeansOneThreadPerCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Parallel.defaultThreads()).isEqualTo(cores);
        System.setProperty(Parallel.THREADS_PROPERTY, "many");
        assertThat(Parallel.defaultThreads()).isEqualTo(cores);
        System.setProperty(Parallel.THREADS_PROPERTY, "0");
        assertThat(Parallel.defaultThreads()).isEqualTo(cores);
    }
}
