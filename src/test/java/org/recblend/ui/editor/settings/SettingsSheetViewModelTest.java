package org.recblend.ui.editor.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.engine.model.Fusion;
import org.recblend.engine.model.HybridTowers;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.encode.EncodeSocial;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.encode.RemoteTextEncode;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.nodes.preprocess.ItemColdStartSplit;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SettingsCodec;

/** The sheet over the real node kinds of the registry, without a screen. */
class SettingsSheetViewModelTest {
    private static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();
    private final List<NodeSettings> commits = new ArrayList<>();

    private SettingsSheetViewModel sheet(String kindId, NodeSettings settings, List<PortSpec> inputs) {
        return new SettingsSheetViewModel(kind(kindId), settings, inputs, commits::add);
    }

    private SettingsSheetViewModel sheet(String kindId) {
        return sheet(kindId, kind(kindId).defaultSettings(), List.of());
    }

    private static NodeKind<?> kind(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    @Test
    void everyRegisteredKindBuildsASheetWithAnEditorForEverySetting() {
        Set<String> typesSeen = new TreeSet<>();
        assertThat(REGISTRY.all()).hasSizeGreaterThanOrEqualTo(25);
        for (NodeKind<?> kind : REGISTRY.all()) {
            NodeSettings defaults = kind.defaultSettings();
            SettingsSheetViewModel vm = new SettingsSheetViewModel(kind, defaults, List.of(), commits::add);
            var components = defaults.getClass().getRecordComponents();
            assertThat(vm.fields()).as(kind.descriptor().id()).hasSize(components.length);
            assertThat(vm.title()).isEqualTo(kind.descriptor().name());
            assertThat(vm.help()).isNotBlank();
            for (var c : components) {
                SettingField f = vm.field(c.getName());
                typesSeen.add(c.getGenericType().getTypeName().replaceAll("[a-z.]+\\.", "") + " → " + f.type().editor());
                assertThat(f.type().editor()).as(kind.descriptor().id() + "." + c.getName() + " has a proper editor")
                        .isNotEqualTo(EditorKind.JSON);
                assertThat(f.label()).as("label of " + c.getName()).isNotBlank().doesNotContain("_")
                        .matches("^[A-Z0-9].*");
                assertThat(f.message() == null || !f.message().isError())
                        .as(kind.descriptor().id() + ": the defaults are no error, " + f.message()).isTrue();
            }
            assertThat(vm.groups()).isNotEmpty();
        }
        assertThat(commits).as("building a sheet commits nothing").isEmpty();
        System.out.println("Setting types of the registered kinds:\n  " + String.join("\n  ", typesSeen));
    }

    @Test
    void theMainKindsDescribeEverySetting() {
        for (String id : List.of(CollectDataset.ID, "preprocess.split.random", "preprocess.split.temporal",
                "preprocess.split.leavelast", ItemColdStartSplit.ID, MiniLmEncode.ID, "encode.text.tfidf", RemoteTextEncode.ID,
                FuseFeatures.ID, "train.bpr", "train.neumf", HybridTrain.ID, RecommendTopK.ID, EvaluateModel.ID)) {
            SettingsSheetViewModel vm = sheet(id);
            for (SettingField f : vm.fields()) {
                assertThat(f.description()).as(id + "." + f.name()).isNotBlank();
            }
        }
    }

    @Test
    void hybridSettingsAreGroupedAndReadable() {
        SettingsSheetViewModel vm = sheet(HybridTrain.ID);
        assertThat(vm.groups()).containsExactly("Model", "Training", "Cold items", "Reports");
        assertThat(vm.fields("Cold items")).extracting(SettingField::label)
                .containsExactly("Cold ridge penalty", "Choose penalty by GCV", "Cold map target");
        assertThat(vm.field("coldTarget").text()).isEqualTo("Whole vector");
        assertThat(vm.field("coldTarget").value()).isEqualTo(HybridTowers.ColdTarget.WHOLE_VECTOR);
        assertThat(vm.field("learningRate").text()).isEqualTo("0.005");
        assertThat(vm.field("epochs").text()).isEqualTo("80");
        assertThat(vm.field("coldRidgeAuto").value()).isEqualTo(true);
    }

    @Test
    void aWordInANumberFieldShowsAMessageAndCommitsNothing() {
        SettingsSheetViewModel vm = sheet(HybridTrain.ID);
        SettingField epochs = vm.field("epochs");
        epochs.edit("eighty");
        assertThat(commits).isEmpty();
        assertThat(epochs.message()).isEqualTo(SettingMessage.error("Epochs takes a whole number, not 'eighty'"));
        assertThat(epochs.text()).as("the refused text stays to be fixed").isEqualTo("eighty");
        assertThat(epochs.isPending()).isTrue();
        assertThat(((HybridTrain.Settings) vm.settings()).epochs()).isEqualTo(80);

        SettingField rate = vm.field("learningRate");
        rate.edit("0,01");
        assertThat(rate.message().text()).isEqualTo("Learning rate takes a number such as 0.25 or 1e-3, not '0,01'");
        epochs.edit("3000000000");
        assertThat(epochs.message().text()).isEqualTo("Epochs takes a whole number, and 3000000000 is too large");
        assertThat(commits).isEmpty();

        epochs.revert();
        assertThat(epochs.text()).isEqualTo("80");
        assertThat(epochs.message()).isNull();
        assertThat(epochs.isPending()).isFalse();
        assertThat(rate.isPending()).as("reverting one edit keeps the other").isTrue();
    }

    @Test
    void aValidEditCommitsExactlyOneRecordEqualToWhatTheCodecReads() throws InvalidSettingsException {
        NodeKind<?> kind = kind(ItemColdStartSplit.ID);
        SettingsSheetViewModel vm = sheet(ItemColdStartSplit.ID);
        vm.field("testShare").edit(" 0.3 ");
        assertThat(commits).containsExactly(new ItemColdStartSplit.Settings(0.3, 0.0, 42));
        ObjectNode json = SettingsCodec.mapper().createObjectNode().put("testShare", 0.3);
        assertThat(commits.get(0)).isEqualTo(SettingsCodec.fromJson(kind, kind.settingsVersion(), json));
        assertThat(vm.field("testShare").text()).isEqualTo("0.3");
        assertThat(vm.field("testShare").isPending()).isFalse();

        vm.field("testShare").edit("0.3");
        assertThat(commits).as("the same value again is no new record").hasSize(1);
    }

    @Test
    void aValueValidateRefusesStaysWithItsMessageUntilFixed() {
        SettingsSheetViewModel vm = sheet(ItemColdStartSplit.ID);
        SettingField test = vm.field("testShare");
        test.edit("1.5");
        assertThat(commits).isEmpty();
        assertThat(test.message()).isEqualTo(SettingMessage.error("Test share must be above 0 and below 1, not 1.5"));
        assertThat(test.text()).isEqualTo("1.5");
        test.edit("0.4");
        assertThat(commits).containsExactly(new ItemColdStartSplit.Settings(0.4, 0.0, 42));
        assertThat(test.message()).isNull();
    }

    @Test
    void editsThatAreOnlyValidTogetherCommitTogetherAndAValidEditDoesNotWaitForAnInvalidOne() {
        SettingsSheetViewModel vm = sheet(ItemColdStartSplit.ID);
        SettingField validation = vm.field("validationShare");
        validation.edit("0.85");
        assertThat(commits).isEmpty();
        assertThat(validation.message().text()).startsWith("Test share plus validation share must stay below 1");
        assertThat(vm.field("testShare").message()).as("the message sits at the edited setting").isNull();

        vm.field("seed").edit("7");
        assertThat(commits).as("the seed is valid alone").containsExactly(new ItemColdStartSplit.Settings(0.2, 0.0, 7));
        assertThat(validation.isPending()).isTrue();

        vm.field("testShare").edit("0.1");
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1)).isEqualTo(new ItemColdStartSplit.Settings(0.1, 0.85, 7));
        assertThat(validation.isPending()).isFalse();
        assertThat(validation.message()).isNull();
    }

    @Test
    void aNotConfiguredMessageOfConfigureIsAHintAtTheSettingWhoseEditBroughtIt() {
        List<PortSpec> itemsOnly = Arrays.asList(PortSpec.of("items", PortTypes.ITEM_TABLE), null, null);
        SettingsSheetViewModel vm = sheet(MiniLmEncode.ID, kind(MiniLmEncode.ID).defaultSettings(), itemsOnly);
        assertThat(vm.sheetMessage()).isNull();
        vm.field("side").choose(Embeddings.Side.USER);
        assertThat(commits).as("a setting still to connect is no error").hasSize(1);
        assertThat(vm.field("side").message()).isEqualTo(SettingMessage.hint("Connect a UserTable to 'users' to encode user texts"));
        vm.setInputs(Arrays.asList(null, PortSpec.of("users", PortTypes.USER_TABLE), null));
        assertThat(vm.field("side").message()).isNull();
        vm.setInputs(List.of());
        assertThat(vm.sheetMessage()).as("unwired, the same hint belongs to no edit")
                .isEqualTo(SettingMessage.hint("Connect a UserTable to 'users' to encode user texts"));
    }

    @Test
    void aWrongCombinationOfInputsIsAnErrorOnTopThatDoesNotBlockEdits() {
        List<PortSpec> both = Arrays.asList(PortSpec.of("social", PortTypes.SOCIAL_GRAPH), null,
                PortSpec.of("interactions", PortTypes.INTERACTIONS), PortSpec.of("split", PortTypes.SPLIT));
        SettingsSheetViewModel vm = sheet(EncodeSocial.ID, kind(EncodeSocial.ID).defaultSettings(), both);
        assertThat(vm.sheetMessage()).isEqualTo(SettingMessage.error("Connect either interactions or a split, not both"));
        vm.field("hops").edit("3");
        assertThat(commits).as("the edit did not cause the wiring error").hasSize(1);
        vm.field("hops").edit("11");
        assertThat(commits).hasSize(1);
        assertThat(vm.field("hops").message()).isEqualTo(SettingMessage.error("hops must be between 1 and 10, not 11"));
    }

    @Test
    void aSettingsCombinationValidateRefusesNamesTheEditedSettingAndCommitsOnceFixed() {
        SettingsSheetViewModel vm = sheet(FuseFeatures.ID, kind(FuseFeatures.ID).defaultSettings(),
                Arrays.asList(PortSpec.of("text", PortTypes.EMBEDDINGS), null, null, null, null, null));
        vm.field("mode").choose(Fusion.Mode.WEIGHTED);
        assertThat(commits).isEmpty();
        assertThat(vm.field("mode").message().text()).isEqualTo("Weighted fusion needs a weight for every source (settings 'weights')");
        assertThat(vm.field("mode").value()).as("the drop-down keeps the refused choice").isEqualTo(Fusion.Mode.WEIGHTED);
        vm.field("weights").edit("text:minilm-l6-v2-q = 2, categories=1");
        assertThat(commits).hasSize(1);
        FuseFeatures.Settings s = (FuseFeatures.Settings) commits.get(0);
        assertThat(s.mode()).isEqualTo(Fusion.Mode.WEIGHTED);
        assertThat(s.weights()).containsExactly(Map.entry("text:minilm-l6-v2-q", 2.0), Map.entry("categories", 1.0));
        assertThat(vm.field("weights").text()).isEqualTo("text:minilm-l6-v2-q = 2, categories = 1");
        vm.field("weights").edit("text = two");
        assertThat(vm.field("weights").message().text())
                .isEqualTo("Source weights takes name = value pairs: the value of 'text' must be a number such as 0.25 or 1e-3, not 'two'");
    }

    @Test
    void notConfiguredSettingsAreHintsAtTheSettingTheyName() {
        SettingsSheetViewModel vm = sheet(CollectDataset.ID);
        assertThat(vm.field("dataset").message()).isEqualTo(SettingMessage.hint("Choose the dataset to collect"));
        vm.field("parts").choose(List.of(CollectDataset.Part.INTERACTIONS, CollectDataset.Part.ITEMS));
        assertThat(commits).as("a hint does not block an edit").hasSize(1);
        vm.field("dataset").edit("ml-100k");
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1)).isEqualTo(new CollectDataset.Settings("ml-100k", List.of(),
                List.of(CollectDataset.Part.INTERACTIONS, CollectDataset.Part.ITEMS)));
        assertThat(vm.field("dataset").message()).isNull();
        assertThat(vm.field("parts").text()).isEqualTo("Interactions, Items");

        RemoteTextEncode.Settings remote = remote("OPENAI_API_KEY");
        SettingsSheetViewModel r = sheet(RemoteTextEncode.ID, remote, List.of());
        r.field("baseUrl").edit("");
        assertThat(r.field("baseUrl").message())
                .isEqualTo(SettingMessage.hint("Enter the endpoint's base URL, e.g. https://api.openai.com or http://localhost:11434/v1"));
    }

    @Test
    void listsAreCommaSeparatedAndTheirEntriesChecked() {
        SettingsSheetViewModel vm = sheet(EvaluateModel.ID);
        SettingField ks = vm.field("ks");
        ks.edit("20, 5, x");
        assertThat(ks.message().text()).isEqualTo("Cut-offs (K) takes a comma-separated list: 'x' is not a whole number, not 'x'");
        ks.edit("20, 5");
        assertThat(((EvaluateModel.Settings) commits.get(commits.size() - 1)).ks()).containsExactly(5, 20);
        assertThat(ks.text()).isEqualTo("5, 20");
        ks.edit("");
        assertThat(ks.message()).isEqualTo(SettingMessage.hint("Give at least one cut-off K"));
    }

    @Test
    void updateAfterUndoShowsTheOlderSettingsAndDropsWaitingEdits() {
        SettingsSheetViewModel vm = sheet(RecommendTopK.ID);
        NodeSettings before = vm.settings();
        vm.field("k").edit("20");
        vm.field("excludeSeen").choose(false);
        assertThat(commits).containsExactly(new RecommendTopK.Settings(20, true, true), new RecommendTopK.Settings(20, false, true));
        vm.field("k").edit("0");
        assertThat(vm.field("k").message().text()).isEqualTo("K must be between 1 and 10,000, not 0");

        vm.update(before); // undo twice, as the editor's undo stack would
        assertThat(vm.field("k").text()).isEqualTo("10");
        assertThat(vm.field("k").message()).isNull();
        assertThat(vm.field("k").isPending()).isFalse();
        assertThat(vm.field("excludeSeen").value()).isEqualTo(true);
        assertThat(vm.settings()).isEqualTo(before);
        assertThat(commits).as("update commits nothing").hasSize(2);

        vm.update(new RecommendTopK.Settings(20, false, true)); // redo
        assertThat(vm.field("k").text()).isEqualTo("20");
        assertThat(vm.field("excludeSeen").value()).isEqualTo(false);
    }

    @Test
    void aSecretIsNeverShownNorQuoted() {
        List<NodeSettings> seen = new ArrayList<>();
        SettingsSheetViewModel vm = new SettingsSheetViewModel(new EveryTypeKind(), EveryTypeKind.DEFAULTS, List.of(), seen::add);
        SettingField token = vm.field("apiToken");
        assertThat(token.secret()).isEqualTo(SecretPolicy.SECRET);
        assertThat(token.text()).isEmpty();
        assertThat(token.value()).isNull();
        assertThat(token.hasSecretProperty().get()).isTrue();
        token.edit("new token");
        assertThat(seen).isEmpty();
        assertThat(token.message().text()).isEqualTo("The token '" + SecretPolicy.MASK + "' has a space").doesNotContain("new token");
        assertThat(token.text()).isEmpty();
        token.edit("newToken");
        assertThat(seen).hasSize(1);
        assertThat(((EveryTypeKind.Settings) seen.get(0)).apiToken()).isEqualTo("newToken");
        assertThat(token.text()).isEmpty();
        token.edit("");
        assertThat(seen).as("an empty secret field keeps the secret").hasSize(1);
        assertThat(vm.fields()).allSatisfy(f -> assertThat(f.text()).doesNotContain("newToken"));
    }

    @Test
    void aKeyPastedIntoTheRemoteEncodersKeyVariableIsRefusedAndHidden() {
        SettingsSheetViewModel vm = sheet(RemoteTextEncode.ID, remote("OPENAI_API_KEY"), List.of());
        SettingField env = vm.field("apiKeyEnv");
        assertThat(env.secret()).isEqualTo(SecretPolicy.SECRET_NAME);
        assertThat(env.label()).isEqualTo("API key variable");
        assertThat(env.text()).isEqualTo("OPENAI_API_KEY");
        String key = "sk-proj-4f9aQ2x7LmZ0";
        env.edit(key);
        assertThat(commits).isEmpty();
        assertThat(env.text()).isEqualTo(SecretPolicy.MASK);
        assertThat(env.value()).isNull();
        assertThat(env.message().text()).startsWith("The API key setting takes the NAME of an environment variable").doesNotContain(key);
        env.edit("MY_EMBEDDINGS_KEY");
        assertThat(commits).hasSize(1);
        assertThat(((RemoteTextEncode.Settings) commits.get(0)).apiKeyEnv()).isEqualTo("MY_EMBEDDINGS_KEY");
        assertThat(env.text()).isEqualTo("MY_EMBEDDINGS_KEY");
    }

    @Test
    void everySortOfComponentReadsAndWrites() {
        List<NodeSettings> seen = new ArrayList<>();
        SettingsSheetViewModel vm = new SettingsSheetViewModel(new EveryTypeKind(), EveryTypeKind.DEFAULTS, List.of(), seen::add);
        assertThat(vm.fields()).extracting(f -> f.type().editor()).containsExactly(EditorKind.WHOLE_NUMBER,
                EditorKind.WHOLE_NUMBER, EditorKind.DECIMAL, EditorKind.FLAG, EditorKind.TEXT, EditorKind.CHOICE, EditorKind.LIST,
                EditorKind.LIST, EditorKind.CHOICES, EditorKind.KEY_VALUES, EditorKind.JSON, EditorKind.WHOLE_NUMBER,
                EditorKind.TEXT, EditorKind.KEY_VALUES);
        assertThat(vm.field("big").text()).isEqualTo("10000000000");
        assertThat(vm.field("colour").text()).isEqualTo("Dark red");
        assertThat(vm.field("window").text()).isEqualTo("{\"from\":1,\"to\":4}");
        assertThat(vm.field("limit").text()).isEmpty();
        assertThat(vm.field("labels").text()).isEqualTo("k = v");

        vm.field("big").edit("20_000_000_000");
        vm.field("limit").edit("7");
        vm.field("colour").edit("light blue");
        vm.field("sizes").edit("1, 2,3");
        vm.field("window").edit("{\"from\": 2, \"to\": 9}");
        vm.field("colours").choose(List.of(EveryTypeKind.Colour.DARK_RED, EveryTypeKind.Colour.LIGHT_BLUE));
        vm.field("tags").edit("");
        vm.field("labels").edit("a = b");
        EveryTypeKind.Settings last = (EveryTypeKind.Settings) seen.get(seen.size() - 1);
        assertThat(last.big()).isEqualTo(20_000_000_000L);
        assertThat(last.limit()).isEqualTo(7);
        assertThat(last.colour()).isEqualTo(EveryTypeKind.Colour.LIGHT_BLUE);
        assertThat(last.sizes()).containsExactly(1, 2, 3);
        assertThat(last.window()).isEqualTo(new EveryTypeKind.Window(2, 9));
        assertThat(last.colours()).hasSize(2);
        assertThat(last.tags()).isEmpty();
        assertThat(last.labels()).containsExactly(Map.entry("a", "b"));
        assertThat(seen).hasSize(8);

        vm.field("limit").edit("");
        assertThat(((EveryTypeKind.Settings) seen.get(seen.size() - 1)).limit()).as("an empty box is null").isNull();
        vm.field("window").edit("{\"from\": 9, \"to\": 2}");
        assertThat(vm.field("window").message().text()).startsWith("The window starts after it ends");
        vm.field("window").edit("{from}");
        assertThat(vm.field("window").message().text()).startsWith("Window takes JSON here, and this cannot be read");
        vm.field("count").edit("2.5");
        assertThat(vm.field("count").message().text()).isEqualTo("Count takes a whole number, not '2.5'");
    }

    @Test
    void aSheetThatIsNotEditableIgnoresEdits() {
        SettingsSheetViewModel vm = sheet(RecommendTopK.ID);
        vm.editableProperty().set(false);
        vm.field("k").edit("20");
        vm.field("store").choose(false);
        assertThat(commits).isEmpty();
        assertThat(vm.field("k").text()).isEqualTo("10");
        assertThat(vm.field("store").value()).isEqualTo(true);
    }

    static RemoteTextEncode.Settings remote(String keyEnv) {
        return new RemoteTextEncode.Settings(Embeddings.Side.ITEM, "{title}. {plot}", 50, 256, "https://api.openai.com",
                "text-embedding-3-small", keyEnv, 64, 30, 4, 0, 0);
    }
}
