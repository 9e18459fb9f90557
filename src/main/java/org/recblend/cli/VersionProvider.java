package org.recblend.cli;

import org.recblend.store.ProjectStore;
import picocli.CommandLine.IVersionProvider;

/** The version of this build (from the jar manifest) and of the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "RecBlend Workbench " + ProjectStore.appVersion() + " (project schema " + ProjectStore.SCHEMA_VERSION + ")",
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
