package org.recblend.ingest.preset;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.recblend.ingest.ImportException;

/** The presets for the public data formats the workbench knows. */
public final class Presets {
    private static final List<Preset> ALL = List.of(new MovieLens100k(), new MovieLensLatestSmall(), new LastFmHetrec(),
            new FilmTrust(), new RecBoleAtomic(), new MovieLens100kPlots());

    private Presets() {
    }

    /** Every preset, in a stable order. */
    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The preset with that id, or an error listing the known ones. */
    public static Preset require(String id) throws ImportException {
        return byId(id).orElseThrow(() -> new ImportException("Unknown preset '" + id + "'; known presets: "
                + ALL.stream().map(Preset::id).collect(Collectors.joining(", ")), null));
    }
}
