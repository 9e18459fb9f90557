package org.recblend.pipeline;

/**
 * Settings of a node that draws random numbers. The seed lives in the settings, so the cache key
 * covers it; a run may override it for every seeded node ({@link RunOptions#seed()}).
 */
public interface SeededSettings extends NodeSettings {
    long seed();

    /** A copy with another seed. */
    SeededSettings withSeed(long seed);
}
