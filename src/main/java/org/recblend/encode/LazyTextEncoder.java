package org.recblend.encode;

import java.util.List;
import org.recblend.task.TaskMonitor;

/**
 * An encoder whose key is known up front and whose model is loaded on the first {@link #encode}:
 * a re-run that finds every text in the cache never pays the seconds a model takes to load.
 */
public final class LazyTextEncoder implements TextEncoder, TruncationCounter {
    /** Opens the real encoder. */
    @FunctionalInterface
    public interface Opener {
        TextEncoder open() throws EncoderException;
    }

    private final String key;
    private final Opener opener;
    private TextEncoder delegate;

    public LazyTextEncoder(String key, Opener opener) {
        this.key = key;
        this.opener = opener;
    }

    @Override
    public String key() {
        return key;
    }

    /** Loads the model when it is not loaded yet ({@link #open()} says why it cannot). */
    @Override
    public int dimension() {
        try {
            return delegate().dimension();
        } catch (EncoderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether the model has been loaded. */
    public boolean isOpen() {
        return delegate != null;
    }

    @Override
    public float[][] encode(List<String> texts, TaskMonitor monitor) throws EncoderException {
        return delegate().encode(texts, monitor);
    }

    /** The real encoder, loaded now if it was not yet. */
    public TextEncoder open() throws EncoderException {
        return delegate();
    }

    private TextEncoder delegate() throws EncoderException {
        if (delegate == null) {
            delegate = opener.open();
            if (!delegate.key().equals(key)) {
                String actual = delegate.key();
                delegate.close();
                delegate = null;
                throw new EncoderException("The encoder opened as " + actual + ", expected " + key);
            }
        }
        return delegate;
    }

    @Override
    public long truncatedCount() {
        return delegate instanceof TruncationCounter t ? t.truncatedCount() : 0;
    }

    @Override
    public int maxTokens() {
        return delegate instanceof TruncationCounter t ? t.maxTokens() : 0;
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }
}
