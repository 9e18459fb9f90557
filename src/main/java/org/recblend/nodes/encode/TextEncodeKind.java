package org.recblend.nodes.encode;

import org.recblend.pipeline.SettingDoc;
import java.util.List;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemTable;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.encode.CachedEncoding;
import org.recblend.encode.EmbeddingCache;
import org.recblend.encode.EntityTexts;
import org.recblend.encode.TextEncoder;
import org.recblend.encode.TextTemplate;
import org.recblend.encode.TruncationCounter;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;

/**
 * The shared body of the text-encode nodes: assemble one text per item or user from the template,
 * encode through the project's embedding cache (only texts not seen before reach the encoder), and
 * output {@link PortTypes#EMBEDDINGS}. A new encoder becomes a node by naming its settings and
 * opening its {@link TextEncoder} in {@link #openEncoder}.
 *
 * @param <S> the settings record
 */
public abstract class TextEncodeKind<S extends TextSettings> extends BaseNodeKind<S> {
    public static final String ITEMS = "items";
    public static final String USERS = "users";
    public static final String TEXTS = "texts";
    public static final String OUTPUT = "embeddings";


    protected TextEncodeKind(String id, String name, Class<S> settingsClass, String help) {
        super(new NodeDescriptor(id, name, Stage.ENCODE,
                List.of(PortSpec.optional(ITEMS, PortTypes.ITEM_TABLE), PortSpec.optional(USERS, PortTypes.USER_TABLE),
                        PortSpec.optional(TEXTS, PortTypes.TEXT_CORPUS)),
                List.of(PortSpec.of(OUTPUT, PortTypes.EMBEDDINGS)),
                help + " Item side: one text per item from the template over its text columns, {categories} and"
                        + " attributes. User side: profile attributes and the user's {tags} or {reviews}. Vectors are"
                        + " cached in the project, so a re-run encodes only new texts."), settingsClass);
    }

    /** The docs of the text settings every text encoder has, in group "Texts"; kinds add their own after them. */
    protected static SettingDoc.Builder textDocs() {
        return SettingDoc.builder().group("Texts")
                .setting("side", "Whose texts: items (ItemTable input) or users (UserTable and optional TextCorpus inputs)")
                .setting("template", "Text template", "One text per item or user, e.g. {title}. Genres: {genres}. {plot}")
                .setting("maxTexts", "Texts per user", "At most this many tags or reviews joined into one user's text")
                .setting("batchSize", "Texts per encoder call and per cache transaction");
    }

    /**
     * Opens the encoder for this run; {@code texts} are the assembled texts (blank for entities without
     * text), for encoders that fit on the corpus. The caller closes it.
     */
    protected abstract TextEncoder openEncoder(S settings, List<String> texts, ExecutionContext ctx) throws Exception;

    /** Whether vectors go through the project's embedding cache; encoders fitted per corpus may say no. */
    protected boolean cached(S settings) {
        return true;
    }

    @Override
    public List<PortSpec> configure(S settings, List<PortSpec> inputs) throws InvalidSettingsException {
        settings.validate();
        boolean items = inputs.size() > 0 && inputs.get(0) != null;
        boolean users = inputs.size() > 1 && inputs.get(1) != null;
        if (settings.side() == Embeddings.Side.ITEM && !items) {
            throw InvalidSettingsException.notConfigured("Connect an ItemTable to '" + ITEMS + "' to encode item texts");
        }
        if (settings.side() == Embeddings.Side.USER && !users) {
            throw InvalidSettingsException.notConfigured("Connect a UserTable to '" + USERS + "' to encode user texts");
        }
        return descriptor().outputs();
    }

    @Override
    public List<PortData> execute(S s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        TextTemplate template = TextTemplate.parse(s.template());
        IdIndex ids;
        List<String> texts;
        if (s.side() == Embeddings.Side.ITEM) {
            ItemTable items = input(inputs, 0, ItemTable.class, "an ItemTable on '" + ITEMS + "'");
            ids = items.items();
            texts = EntityTexts.items(items, template, ctx);
        } else {
            UserTable users = input(inputs, 1, UserTable.class, "a UserTable on '" + USERS + "'");
            TextCorpus corpus = inputs.size() > 2 && inputs.get(2) != null ? inputs.get(2).as(TextCorpus.class) : null;
            ids = users.users();
            texts = EntityTexts.users(users, corpus, template, s.maxTexts(), ctx);
        }
        long withText = texts.stream().filter(t -> !t.isBlank()).count();
        ctx.log(String.format("%s side: %,d of %,d %ss have text from template %s", s.side().name().toLowerCase(),
                withText, ids.size(), s.side().name().toLowerCase(), s.template()));
        ctx.progress(0, "loading the encoder");
        CachedEncoding.Result result;
        String key;
        try (TextEncoder encoder = openEncoder(s, texts, ctx)) {
            key = encoder.key();
            EmbeddingCache cache = cached(s) ? new EmbeddingCache(ctx.store()) : null;
            result = CachedEncoding.encode(encoder, cache, texts, s.batchSize(), ctx);
            ctx.log(key + ": " + result.summary() + (cached(s) ? "" : " (not cached: fitted on this corpus)"));
            if (encoder instanceof TruncationCounter t && result.encoded() > 0) {
                ctx.log(String.format("%,d of the %,d encoded texts were truncated at %d tokens", t.truncatedCount(),
                        result.encoded(), t.maxTokens()));
            }
        }
        int dim = result.dim();
        float[] values = new float[ids.size() * dim];
        boolean[] present = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            float[] v = result.vectors()[i];
            if (v != null) {
                System.arraycopy(v, 0, values, i * dim, dim);
                present[i] = true;
            }
        }
        Embeddings out = new Embeddings("text:" + key, s.side(), ids, dim, values, present);
        return List.of(PortData.of(PortTypes.EMBEDDINGS, out));
    }

    private static <T> T input(List<PortData> inputs, int index, Class<T> cls, String what) {
        if (inputs.size() <= index || inputs.get(index) == null) {
            throw new IllegalStateException("Connect " + what);
        }
        return inputs.get(index).as(cls);
    }
}
