package org.recblend.encode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the code under test waits, and the list of those waits. */
final class RecordingPacing {
    final AtomicLong clock = new AtomicLong(1_000_000);
    final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    final Pacing pacing = new Pacing(clock::get, ms -> {
        waits.add(ms);
        clock.addAndGet(ms);
    }, 42);

    long total() {
        synchronized (waits) {
            return waits.stream().mapToLong(Long::longValue).sum();
        }
    }
}
