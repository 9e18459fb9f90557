package org.recblend.pipeline;

/**
 * A node kind that knows its descriptor and settings type when it is made, so a kind only writes
 * what is its own: defaults, configure and execute.
 */
public abstract class BaseNodeKind<S extends NodeSettings> implements NodeKind<S> {
    private final NodeDescriptor descriptor;
    private final Class<S> settingsClass;

    protected BaseNodeKind(NodeDescriptor descriptor, Class<S> settingsClass) {
        this.descriptor = descriptor;
        this.settingsClass = settingsClass;
    }

    @Override
    public final NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Class<S> settingsClass() {
        return settingsClass;
    }
}
