import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Prints "SHA-256  path" for every file under a folder and, inside jars and zips (to any depth)
 * and gzip files, for every entry, so that a file copied into the image is found even when it sits
 * in a jar or a compressed sample project. installer/check-image.sh compares these hashes with
 * those of ../shared/data. Run with the source launcher: {@code java installer/ImageHashes.java DIR}.
 */
public final class ImageHashes {
    private ImageHashes() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    hash(in, root.relativize(f).toString(), out);
                }
            }
        }
        out.flush();
    }

    /** Hashes one stream and, when it is an archive, each of its entries, reading the bytes once. */
    static void hash(InputStream in, String name, PrintStream out) throws IOException {
        MessageDigest digest = sha256();
        DigestInputStream counted = new DigestInputStream(in, digest);
        String lower = name.toLowerCase();
        List<String> entries = new java.util.ArrayList<>();
        if (lower.endsWith(".jar") || lower.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(counted);  // not closed: that would close the caller's stream
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    hashEntry(zip, name + "!/" + e.getName(), entries);
                }
            }
        } else if (lower.endsWith(".gz")) {
            hashEntry(new GZIPInputStream(counted), name + "!/" + name.substring(name.lastIndexOf('/') + 1, name.length() - 3),
                    entries);
        }
        counted.transferTo(OutputStream.nullOutputStream());
        out.println(HexFormat.of().formatHex(digest.digest()) + "  " + name);
        entries.forEach(out::println);
    }

    private static void hashEntry(InputStream entry, String name, List<String> lines) throws IOException {
        java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
        PrintStream p = new PrintStream(nested, true);
        hash(entry, name, p);
        lines.add(nested.toString().stripTrailing());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
