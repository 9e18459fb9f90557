package org.recblend.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.recblend.nodes.templates.PipelineTemplate;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeRunResult;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PipelineSummary;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code recblend run}: runs a stored pipeline headless, exactly as the workbench would. */
@Command(name = "run",
        description = {"Runs a pipeline stored in a project, without the window: progress on stderr, then what each "
                + "node did (executed or taken from the cache, and how long it took). Outputs of earlier runs "
                + "are reused where nothing changed.",
            "Exit code 0 when every node finished, 1 when a node failed, 130 when cancelled with Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--project", paramLabel = "PROJECT", required = true,
            description = "The project: its base path or its .mv.db file.")
    Path project;

    @Option(names = "--pipeline", paramLabel = "NAME", required = true, description = "The stored pipeline's name.")
    String pipelineName;

    @Option(names = "--template",
            description = "When the project has no pipeline of this name, first store the built-in template of the same "
                    + "name over the project's first dataset (templates: " + PipelineTemplates.LLM_HYBRID + ", "
                    + PipelineTemplates.CF_BASELINE + ", " + PipelineTemplates.COLD_START + ", "
                    + PipelineTemplates.SOCIAL_FUSION + ").")
    boolean template;

    @Option(names = "--seed", paramLabel = "S", description = "Replace the seed of every seeded node (splits, samplers).")
    Long seed;

    @Option(names = "--node", paramLabel = "ID", description = "Run only this node and the nodes it needs.")
    String node;

    @Option(names = "--no-cache", description = "Execute every node again instead of reusing cached outputs.")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProjectStore store = ProjectStore.open(project)) {
            NodeKindRegistry registry = NodeKindRegistry.load();
            PipelineRepository pipelines = new PipelineRepository(store, registry);
            if (template && pipelines.find(pipelineName).isEmpty()) {
                addTemplate(store, registry, err);
            }
            Pipeline pipeline = find(pipelines, store.name());
            if (node != null && pipeline.findNode(node).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Pipeline '" + pipelineName + "' has no node '" + node
                        + "' (its nodes: " + String.join(", ", pipeline.nodes().stream().map(n -> n.id()).toList()) + ")");
            }
            RunOptions options = node == null ? RunOptions.all() : RunOptions.upTo(node);
            if (seed != null) {
                options = options.withSeed(seed);
            }
            if (noCache) {
                options = options.withoutCache();
            }
            long start = System.nanoTime();
            RunResult result;
            try (TaskConsole console = new TaskConsole(spec, progress.quiet)) {
                result = new PipelineRunner(store).run(pipeline, options, console.monitor());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(String.format(Locale.ROOT, "Run %d of pipeline '%s'%s: %s in %.1f s.", result.runId(),
                    pipelineName, seed == null ? "" : " (seed " + seed + ")", result.status(), seconds));
            printNodes(result, out);
            out.flush();
            return exitCode(result, err);
        }
    }

    /** --template: a headless way to the pipelines the window offers under File > New Pipeline from Template. */
    private void addTemplate(ProjectStore store, NodeKindRegistry registry, PrintWriter err) {
        if (PipelineTemplates.find(pipelineName).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No pipeline template named '" + pipelineName
                    + "' (templates: " + templateNames() + ")");
        }
        if (StoredDataset.datasetNames(store).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Project " + store.name() + " has no dataset for the template '"
                    + pipelineName + "' to work on: import data first (recblend import --help)");
        }
        PipelineTemplates.add(pipelineName, store, registry);
        if (!progress.quiet) {
            err.println("Stored the template '" + pipelineName + "' in project " + store.name() + ".");
            err.flush();
        }
    }

    static String templateNames() {
        return String.join(", ", PipelineTemplates.list().stream().map(PipelineTemplate::name).toList());
    }

    private Pipeline find(PipelineRepository pipelines, String projectName) throws Exception {
        Optional<Pipeline> found = pipelines.find(pipelineName);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> names = pipelines.list().stream().map(PipelineSummary::name).toList();
        throw new ParameterException(spec.commandLine(), "No pipeline named '" + pipelineName + "' in project "
                + projectName + (names.isEmpty() ? " (it has no pipelines)" : " (it has: " + String.join(", ", names) + ")"));
    }

    private static void printNodes(RunResult result, PrintWriter out) {
        TextTable table = new TextTable(List.of("Node", "Kind", "Status", "Ran", "Time", "Message"),
                false, false, false, false, true, false);
        for (NodeRunResult n : result.nodes().values()) {
            String ran = switch (n.status()) {
                case DONE -> n.executed() ? "executed" : "cached";
                case FAILED, CANCELLED -> n.executed() ? "executed" : "not started";
                case SKIPPED -> "";
            };
            table.row(n.nodeId(), n.kindId(), n.status(), ran,
                    String.format(Locale.ROOT, "%.1f s", n.millis() / 1000.0), n.message() == null ? "" : n.message());
        }
        table.print(out);
    }

    private static int exitCode(RunResult result, PrintWriter err) {
        if (result.status() == RunStatus.DONE) {
            return ExitCodes.OK;
        }
        String message = result.message() == null ? result.status().toString() : result.message();
        err.println((result.status() == RunStatus.CANCELLED ? "Cancelled: " : "Error: ") + message
                + (message.endsWith(".") ? "" : "."));
        err.flush();
        return result.status() == RunStatus.CANCELLED ? ExitCodes.CANCELLED : ExitCodes.FAILED;
    }
}
