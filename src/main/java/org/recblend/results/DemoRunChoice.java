package org.recblend.results;

import java.time.OffsetDateTime;

/**
 * A finished run the demo can show: it stored recommendation lists (its own, or the run's that
 * computed them when the recommend node came from the cache).
 *
 * @param runId        the run
 * @param pipelineName the pipeline it ran
 * @param finishedAt   when it finished
 * @param recRunId     the run whose rows hold the lists
 * @param recNodeId    the recommend node under which they are stored
 */
public record DemoRunChoice(int runId, String pipelineName, OffsetDateTime finishedAt, int recRunId, String recNodeId) {
    /** What a stakeholder reads in the run picker: "LLM hybrid · run 3". */
    @Override
    public String toString() {
        return pipelineName + " · run " + runId;
    }
}
