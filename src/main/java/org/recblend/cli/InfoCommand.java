package org.recblend.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectSummary;
import org.recblend.store.ProjectSummary.DatasetSummary;
import org.recblend.store.ProjectSummary.SourceSummary;
import org.recblend.store.RejectSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recblend info P}: what a project holds, per dataset and source. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Shows what a project holds: users, items, interactions, item texts, user-item texts and "
                + "social edges per dataset and per source, with the rows each import read and rejected."})
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project: its base path or its .mv.db file.")
    Path project;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    boolean json;

    @Option(names = "--rejects", paramLabel = "N", defaultValue = "0",
            description = "Also list up to N rejected rows of each source (line, column, reason).")
    int rejects;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectSummary summary = ProjectSummary.of(store);
            if (json) {
                printJson(summary, out);
            } else {
                printTable(summary, out);
                if (rejects > 0) {
                    printRejects(store, summary, rejects, out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printTable(ProjectSummary summary, PrintWriter out) {
        out.println("Project " + summary.name() + " (" + summary.file() + "), schema " + summary.schemaVersion());
        if (summary.datasets().isEmpty()) {
            out.println("No data yet: import some with 'recblend import --project " + summary.name() + " ...'.");
        } else {
            printDatasets(summary, out);
        }
        if (!summary.pipelines().isEmpty()) {
            out.println();
            TextTable table = new TextTable(List.of("Pipeline", "Runs", "Last run"), false, true, false);
            for (ProjectSummary.PipelineEntry p : summary.pipelines()) {
                table.row(p.name(), p.runs(), p.lastStatus() == null ? "never" : p.lastStatus());
            }
            table.print(out);
        }
    }

    private static void printDatasets(ProjectSummary summary, PrintWriter out) {
        out.println();
        TextTable table = new TextTable(List.of("Dataset", "Source", "Kind", "Users", "Items", "Interactions",
                "Item texts", "User-item texts", "Social edges", "Rows read", "Rejected"),
                false, false, false, true, true, true, true, true, true, true, true);
        long rejected = 0;
        for (DatasetSummary d : summary.datasets()) {
            for (SourceSummary s : d.sources()) {
                table.row(d.name(), s.name(), s.kind(), s.users(), s.items(), s.interactions(), s.itemTexts(),
                        s.userItemTexts(), s.socialEdges(), s.rowsRead(), s.rowsRejected());
                rejected += s.rowsRejected();
            }
            table.row(d.name(), "(dataset)", "", d.users(), d.items(), d.total(SourceSummary::interactions),
                    d.total(SourceSummary::itemTexts), d.total(SourceSummary::userItemTexts),
                    d.total(SourceSummary::socialEdges), d.total(SourceSummary::rowsRead),
                    d.total(SourceSummary::rowsRejected));
        }
        table.print(out);
        if (rejected > 0) {
            out.println();
            out.println(String.format(java.util.Locale.ROOT,
                    "%,d rows were rejected at import; list them with --rejects N.", rejected));
        }
    }

    private static void printRejects(ProjectStore store, ProjectSummary summary, int limit, PrintWriter out) {
        for (DatasetSummary d : summary.datasets()) {
            for (SourceSummary s : d.sources()) {
                if (s.rowsRejected() == 0) {
                    continue;
                }
                out.println();
                out.println("Rejected rows of " + d.name() + "/" + s.name()
                        + (s.fileName() == null ? "" : " (" + s.fileName() + ")") + ":");
                TextTable table = new TextTable(List.of("Line", "Column", "Reason"), true, false, false);
                for (RejectSample.Row r : RejectSample.first(store, s.id(), limit)) {
                    table.row(r.line(), r.column(), r.reason());
                }
                table.print(out);
            }
        }
    }

    private static void printJson(ProjectSummary summary, PrintWriter out) throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
                .enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(summary));
    }
}
