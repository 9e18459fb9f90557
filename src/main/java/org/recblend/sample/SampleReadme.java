package org.recblend.sample;

import java.util.Locale;
import java.util.stream.Collectors;

/** The README.md written beside the generated files: what each file and column holds. */
final class SampleReadme {
    private SampleReadme() {
    }

    static String text(SampleSpec spec, SampleSummary counts, ThemeCatalog catalog) {
        String themes = catalog.themes().stream().map(Theme::id).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, """
                # Retail sample data (generated)

                Synthetic data of an online and high-street shop, written by the RecBlend Workbench
                sample generator (`recblend sample generate --users %d --items %d --interactions %d --seed %d`).
                It is made up: no real person or product is described, and it may be shared freely.
                The same command always writes byte-identical files.

                | file | rows | what |
                |---|---|---|
                | `users.csv` | %,d | one row per customer |
                | `items.csv` | %,d | one row per product |
                | `purchases.csv` | %,d | one row per purchase (behaviour, with context) |
                | `reviews.csv` | %,d | short reviews of some purchases (user-item text) |
                | `friends.csv` | %,d | friendships (social graph), each listed once |

                All files are UTF-8 CSV with a header line, comma-separated, fields quoted where needed,
                LF line ends.

                ## Columns
                - `users.csv`: `user_id` (1..%d), `age_band` (18-24, 25-34, 35-44, 45-54, 55-64, 65+),
                  `gender` (female, male, undisclosed), `region` (North, South, East, West, Central),
                  `segment` (budget, mainstream, premium).
                - `items.csv`: `item_id` (1..%d), `title`, `categories` (one to three, separated by `|`),
                  `brand`, `price` (decimal, currency units), `description` (a few sentences).
                - `purchases.csv`: `user_id`, `item_id`, `rating` (1-5 stars given after the purchase),
                  `timestamp` (epoch seconds, UTC, during 2024), `channel` (web, app, store),
                  `device` (desktop, mobile, tablet, till). Sorted by user, then time; a customer buys a
                  product at most once.
                - `reviews.csv`: `user_id`, `item_id`, `rating` (the purchase's rating), `timestamp`
                  (epoch seconds, 1-14 days after the purchase), `review` (one or two sentences whose
                  sentiment follows the rating).
                - `friends.csv`: `user_id`, `friend_id` (the friendship is mutual), `since` (ISO date).

                ## What is planted in it
                Each customer has a hidden taste over %d themes (%s); each product belongs to one or
                two themes, whose vocabulary its title, categories and description use. Purchases follow
                taste times a long-tailed product popularity, with weekly and seasonal rhythms and a
                Black Friday peak; ratings follow how well a product matches the customer's taste.
                Friends mostly share their main theme or region. Age and gender shift the taste a
                little; budget customers avoid expensive products.
                """,
                spec.users(), spec.items(), spec.interactions(), spec.seed(),
                counts.users(), counts.items(), counts.purchases(), counts.reviews(), counts.friendships(),
                spec.users(), spec.items(), catalog.themes().size(), themes);
    }
}
