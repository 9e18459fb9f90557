import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes from the jars of a folder what the target platform never loads: the native libraries
 * of other platforms (ONNX Runtime, the HuggingFace tokenizer, DJL's PyTorch JNI and JNA each ship
 * Linux, macOS and Windows builds in one jar), CUDA builds of the JNI library (the workbench ships
 * PyTorch's CPU build), and debug symbols (ONNX Runtime's Windows .pdb alone is 300 MB).
 * Classes are never removed. Run with the JDK's source launcher, so no build step is needed:
 * {@code java installer/TrimJars.java linux-x64 FOLDER}. Prints what it removed per jar.
 */
public final class TrimJars {
    /** The folder names each target uses for its natives, across the libraries named above. */
    private static final Map<String, Set<String>> OWN = Map.of(
            "linux-x64", Set.of("linux-x64", "linux-x86_64", "linux-x86-64", "linux-amd64"),
            "linux-aarch64", Set.of("linux-aarch64", "linux-arm64"),
            "mac-x64", Set.of("osx-x64", "osx-x86_64", "darwin-x86-64", "darwin"),
            "mac-aarch64", Set.of("osx-aarch64", "osx-arm64", "darwin-aarch64", "darwin"),
            "win-x64", Set.of("win-x64", "win-x86_64", "win32-x86-64", "windows-x86_64"));
    /** A folder named after a platform: os, a dash, an architecture (so JNA's package "win32" is not one). */
    private static final Pattern PLATFORM = Pattern.compile(
            "(linux|osx|macos|darwin|win|win32|windows|aix|freebsd|openbsd|dragonflybsd|sunos)-[a-z0-9_-]+|darwin");
    /** CUDA flavours of a JNI library (pytorch-jni's jnilib/linux-x86_64/cu128/). */
    private static final Pattern CUDA = Pattern.compile("cu\\d+");

    private TrimJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !OWN.containsKey(args[0])) {
            System.err.println("Usage: java TrimJars.java " + String.join("|", OWN.keySet()) + " FOLDER");
            System.exit(2);
        }
        Set<String> own = OWN.get(args[0]);
        long before = 0;
        long after = 0;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                before += Files.size(jar);
                trim(jar, own);
                after += Files.size(jar);
            }
        }
        System.out.printf("TrimJars: %d MB -> %d MB%n", before >> 20, after >> 20);
    }

    /** Rewrites the jar without the foreign entries; a jar with none is left untouched. */
    static void trim(Path jar, Set<String> own) throws IOException {
        int removed = 0;
        long removedBytes = 0;
        Path trimmed = jar.resolveSibling(jar.getFileName() + ".trimmed");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().noneMatch(e -> isForeign(e.getName(), own))) {
                return;
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(trimmed))) {
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    ZipEntry e = entries.nextElement();
                    if (isForeign(e.getName(), own)) {
                        removed++;
                        removedBytes += Math.max(0, e.getSize());
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(trimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("  %s: removed %d entries (%d MB unpacked)%n", jar.getFileName(), removed, removedBytes >> 20);
    }

    static boolean isForeign(String name, Set<String> own) {
        if (name.endsWith("/") || name.endsWith(".class")) {
            return false;
        }
        if (name.endsWith(".pdb") || name.contains(".dSYM/")) {
            return true;
        }
        List<String> folders = List.of(name.split("/"));
        for (String folder : folders.subList(0, folders.size() - 1)) {
            if ((PLATFORM.matcher(folder).matches() && !own.contains(folder)) || CUDA.matcher(folder).matches()) {
                return true;
            }
        }
        return false;
    }
}
