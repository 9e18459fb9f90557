package org.recblend.task;

enum NoOpMonitor implements TaskMonitor {
    INSTANCE;

    @Override public void progress(double fraction, String message) { }
    @Override public boolean isCancelled() { return false; }
    @Override public void log(String message) { }
}
