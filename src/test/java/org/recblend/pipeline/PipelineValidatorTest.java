package org.recblend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineValidatorTest {
    private final NodeKindRegistry registry = NodeKindRegistry.of(new TestKinds.Source(), new TestKinds.Scale(), new TestKinds.ToSplit());

    @Test
    void aWellWiredPipelineIsValidAndKnowsItsOutputSchemas() throws Exception {
        Pipeline p = new Pipeline(registry);
        p.addNode("src", "test.source");
        p.addNode("sp", "test.split");
        p.connect("src", "out", "sp", "train");
        ValidationReport report = PipelineValidator.validate(p);
        assertThat(report.isValid()).isTrue();
        assertThat(report.outputs("sp").orElseThrow()).extracting(PortSpec::type).containsExactly(PortTypes.SPLIT);
    }

    @Test
    void reportsEachProblemInWordsPerNode() throws Exception {
        Pipeline p = new Pipeline(registry);
        p.addNode("unset", "test.source", new TestKinds.Source.Settings(null, 1f));
        p.addNode("negative", "test.source", new TestKinds.Source.Settings(-3, 1f));
        p.addNode("lonely", "test.scale");
        p.addNode("after", "test.scale");
        p.addNode("sp", "test.split");
        p.connect("unset", "out", "after", "in");
        p.connect("negative", "out", "sp", "train");

        ValidationReport report = PipelineValidator.validate(p);
        assertThat(report.problems("unset")).containsExactly(
                new NodeProblem("unset", NodeProblem.Kind.NOT_CONFIGURED, "Choose the number of rows"));
        assertThat(report.problems("negative")).containsExactly(
                new NodeProblem("negative", NodeProblem.Kind.INVALID_SETTING, "Rows must be at least 0, not -3"));
        assertThat(report.problems("lonely")).containsExactly(
                new NodeProblem("lonely", NodeProblem.Kind.MISSING_INPUT, "Input 'in' (Interactions) is not connected"));
        assertThat(report.problems("after")).containsExactly(
                new NodeProblem("after", NodeProblem.Kind.UPSTREAM, "Waits for unset, which cannot run yet"));
        assertThat(report.problems("sp")).extracting(NodeProblem::kind).containsExactly(NodeProblem.Kind.UPSTREAM);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void anOptionalInputMayStayUnconnected() throws Exception {
        Pipeline p = new Pipeline(registry);
        p.addNode("src", "test.source");
        p.addNode("sp", "test.split");
        p.connect("src", "out", "sp", "train");
        assertThat(PipelineValidator.validate(p).problems("sp")).isEmpty();
    }

    @Test
    void aStoredWireOfTheWrongTypeIsReported() throws Exception {
        String json = "{\"formatVersion\":1,\"nodes\":["
                + "{\"id\":\"src\",\"kind\":\"test.source\"},{\"id\":\"sp\",\"kind\":\"test.split\"},{\"id\":\"a\",\"kind\":\"test.scale\"}],"
                + "\"connections\":[{\"from\":\"src\",\"fromPort\":\"out\",\"to\":\"sp\",\"toPort\":\"train\"},"
                + "{\"from\":\"sp\",\"fromPort\":\"split\",\"to\":\"a\",\"toPort\":\"in\"}]}";
        ValidationReport report = PipelineValidator.validate(PipelineJson.read(json, registry));
        assertThat(report.problems("a")).containsExactly(new NodeProblem("a", NodeProblem.Kind.WRONG_TYPE,
                "Split output 'split' of sp cannot feed the Interactions input 'in'"));
    }

    @Test
    void aStoredCycleIsReportedOnEveryNode() throws Exception {
        String json = "{\"formatVersion\":1,\"nodes\":[{\"id\":\"a\",\"kind\":\"test.scale\"},{\"id\":\"b\",\"kind\":\"test.scale\"}],"
                + "\"connections\":[{\"from\":\"a\",\"fromPort\":\"out\",\"to\":\"b\",\"toPort\":\"in\"},"
                + "{\"from\":\"b\",\"fromPort\":\"out\",\"to\":\"a\",\"toPort\":\"in\"}]}";
        ValidationReport report = PipelineValidator.validate(PipelineJson.read(json, registry));
        assertThat(report.problems("a")).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(NodeProblem.Kind.CYCLE);
            assertThat(pr.message()).isEqualTo("The pipeline has a cycle among a, b");
        });
    }
}
