package org.recblend.ui.editor.run;

/** One point of a node's live series: the loss or a validation metric at an epoch. */
public record MetricPoint(String nodeId, String series, int step, double value) {
}
