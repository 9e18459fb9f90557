package org.recblend.pipeline;

import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;

/** The port types of the data stages. Later stages declare theirs beside their nodes. */
public final class PortTypes {
    public static final PortType INTERACTIONS = new PortType("interactions", "Interactions", InteractionTable.class);
    public static final PortType ITEM_TABLE = new PortType("item-table", "ItemTable", ItemTable.class);
    public static final PortType USER_TABLE = new PortType("user-table", "UserTable", UserTable.class);
    public static final PortType TEXT_CORPUS = new PortType("text-corpus", "TextCorpus", TextCorpus.class);
    public static final PortType SOCIAL_GRAPH = new PortType("social-graph", "SocialGraph", SocialGraph.class);
    public static final PortType SPLIT = new PortType("split", "Split", Split.class);
    /** Dense vectors per item or user (text, social, context encoders → fuse stage). */
    public static final PortType EMBEDDINGS = new PortType("embeddings", "Embeddings", Embeddings.class);

    private PortTypes() {
    }
}
