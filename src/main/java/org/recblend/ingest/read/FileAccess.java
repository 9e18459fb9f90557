package org.recblend.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Where the bytes of an input file come from. The importer reads through this interface, so a test
 * can simulate a disk that fails half way through a file.
 */
public interface FileAccess {

    /** Opens the file for reading from its first byte. */
    InputStream open(Path file) throws IOException;

    /** The file's size and modification time, to notice a file that changes while it is read. */
    Stamp stamp(Path file) throws IOException;

    /** Size and modification time of a file at one moment. */
    record Stamp(long size, FileTime modified) {
    }

    /** The local file system. */
    static FileAccess local() {
        return LocalFiles.INSTANCE;
    }

    /** Reads the local file system through {@link Files}. */
    enum LocalFiles implements FileAccess {
        INSTANCE;

        @Override
        public InputStream open(Path file) throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public Stamp stamp(Path file) throws IOException {
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file));
        }
    }
}
