package org.recblend.pipeline;

/** A pipeline file or stored pipeline that cannot be read; the message says where and why. */
public class PipelineFormatException extends Exception {
    public PipelineFormatException(String message) {
        super(message);
    }

    public PipelineFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
