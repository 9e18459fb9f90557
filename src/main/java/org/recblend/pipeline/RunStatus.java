package org.recblend.pipeline;

/** The state of a run, as kept in the {@code runs} table. */
public enum RunStatus { RUNNING, DONE, FAILED, CANCELLED }
