package org.recblend.engine.train;

/**
 * Sets PyTorch's thread counts before the engine starts, unless the user set them. Measured on the
 * 2-core machines: with PyTorch's default (one OpenMP thread per core) a small BPR batch took
 * about ten times longer whenever another process used the CPU, as threads spin-wait for each
 * other; one intra-op thread costs little on these small tensors. Override with
 * {@code -Dai.djl.pytorch.num_threads=N} (and {@code num_interop_threads}).
 */
public final class TorchThreads {
    static final String THREADS = "ai.djl.pytorch.num_threads";
    static final String INTEROP = "ai.djl.pytorch.num_interop_threads";

    private TorchThreads() {
    }

    /**
     * The PyTorch engine, thread counts set first. Named explicitly: with the OnnxRuntime engine of the
     * text encoders on the class path too, {@code Engine.getInstance()} depends on DJL's ranking of engines.
     */
    public static ai.djl.engine.Engine engine() {
        configure();
        return ai.djl.engine.Engine.getEngine("PyTorch");
    }

    /** Call before the PyTorch engine first starts; later calls do nothing. */
    public static synchronized void configure() {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty(INTEROP) == null) {
            System.setProperty(INTEROP, "1");
        }
    }
}
