package org.recblend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {
    private final TestKinds.Source source = new TestKinds.Source();
    private final TestKinds.Scale scale = new TestKinds.Scale();
    private final TestKinds.ToSplit split = new TestKinds.ToSplit();
    private Pipeline p;

    @BeforeEach
    void setUp() throws Exception {
        p = new Pipeline(NodeKindRegistry.of(source, scale, split));
        p.addNode("src", "test.source");
        p.addNode("a", "test.scale");
        p.addNode("b", "test.scale");
        p.addNode("sp", "test.split");
    }

    @Test
    void connectsCompatiblePortsAndRecordsTheWire() throws Exception {
        Connection c = p.connect("src", "out", "a", "in");
        assertThat(p.connections()).containsExactly(c);
        assertThat(p.incoming("a", "in")).contains(c);
        assertThat(p.outgoing("src")).containsExactly(c);
    }

    @Test
    void refusesAWrongWireWithTheReason() throws Exception {
        p.connect("src", "out", "sp", "train");
        assertThatThrownBy(() -> p.connect("sp", "split", "a", "in"))
                .isInstanceOf(WiringException.class)
                .hasMessage("Split output 'split' of sp cannot feed the Interactions input 'in' of a");
        assertThat(p.whyNotConnect("sp", "split", "b", "in")).contains(
                "Split output 'split' of sp cannot feed the Interactions input 'in' of b");
        assertThat(p.connections()).hasSize(1);
    }

    @Test
    void refusesACycleAndNamesIt() throws Exception {
        p.connect("src", "out", "a", "in");
        p.connect("a", "out", "b", "in");
        p.removeNode("src");
        assertThatThrownBy(() -> p.connect("b", "out", "a", "in"))
                .isInstanceOf(WiringException.class)
                .hasMessage("This wire would make a cycle: a -> b -> a");
        assertThatThrownBy(() -> p.connect("a", "out", "a", "in"))
                .hasMessage("A node cannot feed itself (a)");
    }

    @Test
    void refusesSelfLoopsSecondWiresUnknownPortsAndNodes() throws Exception {
        assertThat(p.whyNotConnect("a", "out", "a", "in")).contains("A node cannot feed itself (a)");
        p.connect("src", "out", "a", "in");
        assertThat(p.whyNotConnect("b", "out", "a", "in").orElseThrow()).startsWith("Input 'in' of a is already fed by src.out");
        assertThat(p.whyNotConnect("src", "nope", "b", "in")).contains("Test source (src) has no output 'nope'");
        assertThat(p.whyNotConnect("src", "out", "b", "nope")).contains("Test scale (b) has no input 'nope'");
        assertThat(p.whyNotConnect("ghost", "out", "b", "in")).contains("No node 'ghost' in the pipeline");
    }

    @Test
    void connectsByTypeWhenOnePairFitsAndRefusesAmbiguity() throws Exception {
        Connection c = p.connect("src", "a");
        assertThat(c).isEqualTo(new Connection("src", "out", "a", "in"));
        assertThatThrownBy(() -> p.connect("src", "sp"))
                .hasMessageContaining("More than one output of src fits an input of sp");
        assertThatThrownBy(() -> p.connect("sp", "b"))
                .hasMessageContaining("No output of sp fits a free input of b");
    }

    @Test
    void ordersNodesTopologicallyAndFindsUpAndDownstream() throws Exception {
        Pipeline q = new Pipeline(NodeKindRegistry.of(source, scale, split));
        q.addNode("last", "test.split");
        q.addNode("mid", "test.scale");
        q.addNode("first", "test.source");
        q.connect("mid", "out", "last", "train");
        q.connect("first", "out", "mid", "in");
        assertThat(q.topologicalOrder()).extracting(Node::id).containsExactly("first", "mid", "last");
        assertThat(q.upstreamOf("last")).containsExactlyInAnyOrder("last", "mid", "first");
        assertThat(q.downstreamOf("mid")).containsExactlyInAnyOrder("mid", "last");
    }

    @Test
    void generatesIdsAndRefusesDuplicatesAndUnknownKinds() throws Exception {
        assertThat(p.addNode("test.scale").id()).isEqualTo("scale1");
        assertThat(p.addNode("test.scale").id()).isEqualTo("scale2");
        assertThatThrownBy(() -> p.addNode("a", "test.scale")).hasMessage("There is already a node with id 'a'");
        assertThatThrownBy(() -> p.addNode("x", "no.such")).hasMessage("There is no node kind 'no.such'");
        assertThatThrownBy(() -> p.addNode("bad id", "test.scale")).hasMessageContaining("letters, digits");
    }

    @Test
    void removingANodeRemovesItsWires() throws Exception {
        p.connect("src", "out", "a", "in");
        p.connect("a", "out", "b", "in");
        assertThat(p.removeNode("a")).isTrue();
        assertThat(p.connections()).isEmpty();
        assertThat(p.findNode("a")).isEmpty();
    }

    @Test
    void settingsOfTheWrongClassAreRefused() throws Exception {
        assertThatThrownBy(() -> p.setSettings("a", new TestKinds.Source.Settings(1, 1f)))
                .hasMessageContaining("takes Settings, not Settings");
        p.setSettings("a", new TestKinds.Scale.Settings(3f, "", 0));
        assertThat(p.node("a").settings(TestKinds.Scale.Settings.class).factor()).isEqualTo(3f);
        assertThat(p.node("a").settingsJson().get("factor").asDouble()).isEqualTo(3.0);
    }
}
