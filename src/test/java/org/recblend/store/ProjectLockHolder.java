package org.recblend.store;

import java.nio.file.Path;

/** Runs in a second JVM: opens a project, says so, and keeps it open until its input closes. */
public final class ProjectLockHolder {
    static final String READY = "PROJECT-OPEN";

    private ProjectLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() != -1) {
                // wait until the test closes our input
            }
        }
    }
}
