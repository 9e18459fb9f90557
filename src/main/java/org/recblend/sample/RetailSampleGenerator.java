package org.recblend.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recblend.task.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the retail sample: customers, products with descriptive text, a year of purchases with
 * ratings and context, reviews and a friend graph, as UTF-8 CSV files with a header, plus a
 * README.md describing the columns.
 *
 * <p>Everything follows hidden taste themes (see {@link ThemeCatalog}), so each source carries
 * signal a recommender can find. The same {@link SampleSpec} always gives byte-identical files.
 * Purchases are written customer by customer: memory does not grow with the number of rows.
 */
public final class RetailSampleGenerator {
    public static final String USERS = "users.csv";
    public static final String ITEMS = "items.csv";
    public static final String PURCHASES = "purchases.csv";
    public static final String REVIEWS = "reviews.csv";
    public static final String FRIENDS = "friends.csv";
    public static final String README = "README.md";
    /** The files a run writes, in this order. */
    public static final List<String> FILES = List.of(USERS, ITEMS, FRIENDS, PURCHASES, REVIEWS, README);

    /** LF line ends, so the committed sample looks the same on every platform. */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private static final Logger LOG = LoggerFactory.getLogger(RetailSampleGenerator.class);
    private static final String WORK_DIR = ".sample-in-progress";

    private final SampleSpec spec;
    private final ThemeCatalog catalog;

    public RetailSampleGenerator(SampleSpec spec) {
        this(spec, ThemeCatalog.retail());
    }

    public RetailSampleGenerator(SampleSpec spec, ThemeCatalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
    }

    /**
     * Writes the sample into a folder (created if needed), replacing sample files already there.
     * The files appear only when all are complete: a failure or a cancel
     * ({@link org.recblend.task.CancelledException}) leaves the folder as it was.
     */
    public SampleSummary writeTo(Path folder, TaskMonitor monitor) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " is a file, not a folder");
        }
        boolean createdFolder = !Files.exists(folder);
        Files.createDirectories(folder);
        Path work = folder.resolve(WORK_DIR);
        deleteRecursively(work);  // left over by a crashed run
        Files.createDirectory(work);
        boolean done = false;
        try {
            SampleSummary written = generate(work, monitor);
            List<Path> files = new ArrayList<>();
            for (String name : FILES) {
                files.add(Files.move(work.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING));
            }
            done = true;
            LOG.info("Wrote the retail sample {} to {}", spec, folder);
            return new SampleSummary(folder, files, written.users(), written.items(), written.purchases(),
                    written.reviews(), written.friendships());
        } finally {
            deleteRecursively(work);
            if (!done && createdFolder) {
                deleteEmptyFolder(folder);
            }
        }
    }

    private SampleSummary generate(Path dir, TaskMonitor monitor) throws IOException {
        SplittableRandom root = new SplittableRandom(spec.seed());
        // one stream per part, so that a change in one part does not reshuffle the others
        SplittableRandom userRng = root.split();
        SplittableRandom itemRng = root.split();
        SplittableRandom friendRng = root.split();
        SplittableRandom purchaseRng = root.split();
        SplittableRandom reviewRng = root.split();

        monitor.progress(0, "Customers");
        Customers customers;
        try (CSVPrinter out = printer(dir.resolve(USERS))) {
            customers = Customers.generate(spec.users(), catalog.themes(), userRng, out);
        }
        monitor.checkCancelled();
        monitor.progress(0.02, "Products");
        Products products;
        try (CSVPrinter out = printer(dir.resolve(ITEMS))) {
            products = Products.generate(spec.items(), catalog, itemRng, out);
        }
        monitor.checkCancelled();
        monitor.progress(0.04, "Friends");
        long friendships;
        try (CSVPrinter out = printer(dir.resolve(FRIENDS))) {
            friendships = FriendGraph.generate(customers, catalog.themes().size(), friendRng, out, monitor);
        }
        Purchases.Counts counts;
        try (CSVPrinter out = printer(dir.resolve(PURCHASES)); CSVPrinter reviews = printer(dir.resolve(REVIEWS))) {
            counts = new Purchases(customers, products, catalog)
                    .generate(spec.interactions(), purchaseRng, reviewRng, out, reviews, monitor, 0.06, 0.99);
        }
        SampleSummary summary = new SampleSummary(dir, List.of(), spec.users(), spec.items(), counts.purchases(),
                counts.reviews(), friendships);
        Files.writeString(dir.resolve(README), SampleReadme.text(spec, summary, catalog), StandardCharsets.UTF_8);
        monitor.progress(1, "Done");
        return summary;
    }

    private static CSVPrinter printer(Path file) throws IOException {
        BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(writer, CSV);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteEmptyFolder(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (!entries.iterator().hasNext()) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the empty folder {}: {}", folder, e.getMessage());
        }
    }
}
