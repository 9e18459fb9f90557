package org.recblend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;

class PipelineJsonTest {
    private final NodeKindRegistry registry = NodeKindRegistry.of(new TestKinds.Source(), new TestKinds.Scale(), new TestKinds.ToSplit());

    @TempDir
    Path dir;

    private Pipeline sample() throws Exception {
        Pipeline p = new Pipeline(registry, "sample");
        p.addNode("src", "test.source", new TestKinds.Source.Settings(7, 0.5f));
        p.addNode("a", "test.scale", new TestKinds.Scale.Settings(3f, "", 0));
        p.addNode("sp", "test.split");
        p.move("a", 120.5, 40);
        p.connect("src", "out", "a", "in");
        p.connect("a", "out", "sp", "train");
        return p;
    }

    private static JsonNode tree(String json) throws Exception {
        return SettingsCodec.mapper().readTree(json);
    }

    @Test
    void roundTripsNodesSettingsPositionsAndWiresWithAFormatVersion() throws Exception {
        String json = PipelineJson.write(sample());
        JsonNode tree = SettingsCodec.mapper().readTree(json);
        assertThat(tree.get("formatVersion").asInt()).isEqualTo(PipelineJson.FORMAT_VERSION);
        assertThat(tree.get("nodes").get(0).get("settingsVersion").asInt()).isEqualTo(1);

        Pipeline back = PipelineJson.read(json, registry);
        assertThat(back.name()).isEqualTo("sample");
        assertThat(back.nodes()).extracting(Node::id).containsExactly("src", "a", "sp");
        assertThat(back.node("src").settings(TestKinds.Source.Settings.class)).isEqualTo(new TestKinds.Source.Settings(7, 0.5f));
        assertThat(back.node("a").x()).isEqualTo(120.5);
        assertThat(back.node("a").y()).isEqualTo(40);
        assertThat(back.connections()).containsExactly(new Connection("src", "out", "a", "in"), new Connection("a", "out", "sp", "train"));
        assertThat(PipelineJson.write(back)).isEqualTo(json);
    }

    @Test
    void anUnknownKindBecomesAPlaceholderThatKeepsSettingsAndWiresAndCannotRun() throws Exception {
        String json = PipelineJson.write(sample()).replace("\"test.scale\"", "\"future.magic\"")
                .replace("\"factor\" : 3.0", "\"factor\" : 3.0, \"wand\" : {\"length\" : 11}");
        Pipeline p = PipelineJson.read(json, registry);
        Node placeholder = p.node("a");
        assertThat(placeholder.isUnknownKind()).isTrue();
        assertThat(placeholder.kindId()).isEqualTo("future.magic");
        assertThat(placeholder.settingsJson().get("wand").get("length").asInt()).isEqualTo(11);
        assertThat(p.connections()).hasSize(2);
        assertThat(tree(PipelineJson.write(p))).isEqualTo(tree(json));

        ValidationReport report = PipelineValidator.validate(p);
        assertThat(report.problems("a")).singleElement()
                .satisfies(pr -> assertThat(pr.kind()).isEqualTo(NodeProblem.Kind.UNKNOWN_KIND))
                .satisfies(pr -> assertThat(pr.message()).startsWith("Unknown node kind 'future.magic'"));
        assertThat(report.problems("sp")).extracting(NodeProblem::kind).containsExactly(NodeProblem.Kind.UPSTREAM);
    }

    @Test
    void unreadableSettingsAreKeptAndReportedByName() throws Exception {
        String json = PipelineJson.write(sample()).replace("\"rows\" : 7", "\"rows\" : \"seven\"")
                .replace("\"factor\" : 3.0", "\"factor\" : 3.0, \"colour\" : \"red\"");
        Pipeline p = PipelineJson.read(json, registry);
        assertThat(p.node("src").settings()).isEmpty();
        assertThat(p.node("src").settingsJson().get("rows").asText()).isEqualTo("seven");
        assertThat(tree(PipelineJson.write(p))).isEqualTo(tree(json));
        ValidationReport report = PipelineValidator.validate(p);
        assertThat(report.summary("src")).contains(
                "The saved settings cannot be read: Setting 'rows' cannot be seven: expected a whole number");
        assertThat(report.summary("a").orElseThrow()).startsWith(
                "The saved settings cannot be read: Unknown setting 'colour' (known: factor, failWith, loops)");
    }

    @Test
    void missingSettingsTakeTheirDefaults() throws Exception {
        String json = PipelineJson.write(sample()).replace("\"rows\" : 7,", "");
        Pipeline p = PipelineJson.read(json, registry);
        assertThat(p.node("src").settings(TestKinds.Source.Settings.class)).isEqualTo(new TestKinds.Source.Settings(5, 0.5f));
    }

    @Test
    void refusesNewerFormatsBrokenJsonAndBrokenWires() {
        assertThatThrownBy(() -> PipelineJson.read("{\"formatVersion\": 99, \"nodes\": []}", registry))
                .hasMessage("The pipeline was saved by a newer version (format 99; this workbench reads up to 1)");
        assertThatThrownBy(() -> PipelineJson.read("{\"formatVersion\": 1, \"nodes\": [", registry))
                .hasMessageStartingWith("The pipeline is not valid JSON (line 1, column");
        assertThatThrownBy(() -> PipelineJson.read("{\"nodes\": []}", registry))
                .hasMessage("The pipeline has no formatVersion");
        assertThatThrownBy(() -> PipelineJson.read("{\"formatVersion\": 1, \"nodes\": [{\"id\": \"x\"}]}", registry))
                .hasMessage("The pipeline's node 'x' has no 'kind'");
        assertThatThrownBy(() -> PipelineJson.read("{\"formatVersion\": 1, \"nodes\": [{\"id\": \"x\", \"kind\": \"test.source\"}],"
                + " \"connections\": [{\"from\": \"x\", \"fromPort\": \"out\", \"to\": \"y\", \"toPort\": \"in\"}]}", registry))
                .hasMessage("Wire x.out -> y.in names a node that is not in the pipeline");
    }

    @Test
    void theRepositorySavesLoadsListsAndDeletesByName() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            PipelineRepository repo = new PipelineRepository(store, registry);
            repo.save("first", sample());
            Pipeline second = sample();
            second.removeNode("sp");
            repo.save("second", second);
            repo.save("first", sample());
            assertThat(repo.list()).extracting(PipelineSummary::name).containsExactly("first", "second");
            assertThat(repo.load("second").nodes()).hasSize(2);
            assertThat(repo.load("first").name()).isEqualTo("first");
            assertThatThrownBy(() -> repo.save(" ", sample())).hasMessage("A pipeline name is 1 to 200 characters, not ' '");
            assertThat(repo.delete("second")).isTrue();
            assertThat(repo.delete("second")).isFalse();
            assertThatThrownBy(() -> repo.load("second"))
                    .isInstanceOf(PipelineFormatException.class)
                    .hasMessage("No pipeline named 'second' in project p (it has: first)");
        }
        try (ProjectStore store = ProjectStore.open(dir.resolve("p"))) {
            assertThat(new PipelineRepository(store, registry).load("first").connections()).hasSize(2);
        }
    }
}
