package org.recblend.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.testutil.SharedData;

/** The 1,682 ML-100K item texts "{title}. Genres: {genres}. {plot}", read in place from ml-100k-plots. */
final class Ml100kTexts {
    private Ml100kTexts() {
    }

    /** The non-empty texts in file order (3 of the 1,682 items have no title, genres or plot); skips the caller when the shared data is absent. */
    static List<String> load() throws IOException {
        Path file = SharedData.dir("ml-100k-plots").resolve("items_info.json");
        List<String> out = new ArrayList<>();
        for (JsonNode item : new ObjectMapper().readTree(file.toFile())) {
            StringBuilder sb = new StringBuilder(item.path("title").asText(""));
            String genres = item.path("genres").asText("");
            if (!genres.isBlank()) {
                sb.append(". Genres: ").append(genres);
            }
            String plot = item.path("plot").asText("");
            if (!plot.isBlank()) {
                sb.append(". ").append(plot);
            }
            if (!sb.toString().isBlank()) {
                out.add(sb.toString());
            }
        }
        return out;
    }
}
