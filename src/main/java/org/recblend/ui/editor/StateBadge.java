package org.recblend.ui.editor;

import java.util.Locale;
import org.recblend.pipeline.NodeState;

/** The words and style class of a node's status badge. */
final class StateBadge {
    private StateBadge() {
    }

    static String text(NodeState state, double progress) {
        return switch (state) {
            case NOT_CONFIGURED -> "Not configured";
            case READY -> "Ready";
            case STALE -> "Stale";
            case QUEUED -> "Queued";
            case RUNNING -> progress >= 0 ? "Running " + Math.round(progress * 100) + " %" : "Running";
            case DONE -> "Done";
            case FAILED -> "Failed";
        };
    }

    static String styleClass(NodeState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
