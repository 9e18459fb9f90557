package org.recblend.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open project: the H2 file, its schema (migrated by Flyway on open) and the artifacts folder.
 *
 * <p>Opening is careful: the file is first probed read-only, so a file that is not a project, is
 * locked by another process or was written by a newer version gives a clear error and is not
 * touched.
 */
public final class ProjectStore implements AutoCloseable {
    /** The application name written into every project, checked on open. */
    public static final String APP_NAME = "RecBlend Workbench";
    /** The newest schema this version knows; equals the highest migration in db/migration. */
    public static final int SCHEMA_VERSION = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectStore.class);
    private static final String HISTORY = "\"flyway_schema_history\"";

    private final ProjectPaths paths;
    private final JdbcConnectionPool pool;
    private volatile boolean closed;

    private ProjectStore(ProjectPaths paths, JdbcConnectionPool pool) {
        this.paths = paths;
        this.pool = pool;
    }

    /** Creates a new, empty project; fails if one exists at that path. */
    public static ProjectStore create(Path path) throws ProjectException {
        return create(path, SCHEMA_VERSION);
    }

    /** Creates a project at an older schema version: used to test migrations. */
    static ProjectStore create(Path path, int schemaVersion) throws ProjectException {
        ProjectPaths paths = ProjectPaths.of(path);
        if (Files.exists(paths.databaseFile())) {
            throw new ProjectException(ProjectException.Reason.ALREADY_EXISTS,
                    "A project already exists at " + paths.databaseFile());
        }
        try {
            Files.createDirectories(paths.artifactsDir());
        } catch (IOException e) {
            throw new ProjectException(ProjectException.Reason.IO,
                    "Cannot create the project folder " + paths.artifactsDir() + ": " + e.getMessage(), e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(paths.jdbcUrl(""), "sa", "");
        try {
            migrate(pool, String.valueOf(schemaVersion));
            try (Connection c = pool.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO project_info VALUES (?, ?)")) {
                insertInfo(ps, "app", APP_NAME);
                insertInfo(ps, "created_at", Instant.now().toString());
                insertInfo(ps, "created_by", appVersion());
            }
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            throw new ProjectException(ProjectException.Reason.IO,
                    "Cannot create the project " + paths.databaseFile() + ": " + e.getMessage(), e);
        }
        LOG.info("Created project {}", paths.databaseFile());
        return new ProjectStore(paths, pool);
    }

    /** Opens an existing project, migrating an older schema to the current one. */
    public static ProjectStore open(Path path) throws ProjectException {
        ProjectPaths paths = existing(path);
        Path file = paths.databaseFile();
        JdbcConnectionPool pool = JdbcConnectionPool.create(paths.jdbcUrl(";IFEXISTS=TRUE"), "sa", "");
        try {
            migrate(pool, null);
            Files.createDirectories(paths.artifactsDir());
        } catch (RuntimeException | IOException e) {
            pool.dispose();
            throw new ProjectException(ProjectException.Reason.IO,
                    "Cannot open the project " + file + ": " + e.getMessage(), e);
        }
        LOG.info("Opened project {}", file);
        return new ProjectStore(paths, pool);
    }

    /** Opens the project at the path, or creates it when there is none. */
    public static ProjectStore openOrCreate(Path path) throws ProjectException {
        return Files.exists(ProjectPaths.of(path).databaseFile()) ? open(path) : create(path);
    }

    /**
     * The schema version written in a closed project file, read without migrating or writing it
     * (0 when it has no migration history). Used to check that shipped sample projects are current.
     *
     * @throws ProjectException the file is missing, not a project, or locked
     */
    public static int schemaVersionOf(Path path) throws ProjectException {
        ProjectPaths paths = existing(path);
        Path file = paths.databaseFile();
        try (Connection c = DriverManager.getConnection(paths.jdbcUrl(";IFEXISTS=TRUE;ACCESS_MODE_DATA=r"), "sa", "")) {
            return tableExists(c, "flyway_schema_history") ? appliedVersion(c) : 0;
        } catch (SQLException e) {
            throw translateOpenError(file, e);
        }
    }

    /**
     * Rewrites a closed project file without its free pages (H2's {@code SHUTDOWN COMPACT}): a
     * project that was built and run once shrinks to what it holds, so it can be shipped.
     *
     * @throws ProjectException the file is missing, not a project, locked or cannot be rewritten
     */
    public static void compact(Path path) throws ProjectException {
        ProjectPaths paths = existing(path);
        Path file = paths.databaseFile();
        try (Connection c = DriverManager.getConnection(paths.jdbcUrl(";IFEXISTS=TRUE"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw translateOpenError(file, e);
        }
    }

    /** The paths of a project whose file exists, is an H2 file and is not locked by another program. */
    private static ProjectPaths existing(Path path) throws ProjectException {
        ProjectPaths paths = ProjectPaths.of(path);
        Path file = paths.databaseFile();
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(ProjectException.Reason.NOT_FOUND, "No project file at " + file);
        }
        requireH2Header(file);
        probe(paths);
        return paths;
    }

    /** H2's MVStore files start with the text header "H:2,"; anything else is refused before H2 sees it. */
    private static void requireH2Header(Path file) throws ProjectException {
        byte[] head = new byte[4];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ProjectException(ProjectException.Reason.IO, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < head.length || !new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("H:2,")) {
            throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                    file + " is not a RecBlend project (not an H2 database file)");
        }
    }

    /** Reads the file without writing to it and refuses what we must not open. */
    private static void probe(ProjectPaths paths) throws ProjectException {
        Path file = paths.databaseFile();
        String url = paths.jdbcUrl(";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            if (!tableExists(c, "PROJECT_INFO") || !APP_NAME.equals(readInfo(c, "app").orElse(null))) {
                throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                        file + " is an H2 database but not a RecBlend project");
            }
            int version = tableExists(c, "flyway_schema_history") ? appliedVersion(c) : 0;
            if (version > SCHEMA_VERSION) {
                throw new ProjectException(ProjectException.Reason.TOO_NEW,
                        file + " was written by a newer RecBlend Workbench (project schema " + version
                                + "; this version reads up to " + SCHEMA_VERSION + "). Update the workbench to open it.");
            }
        } catch (SQLException e) {
            throw translateOpenError(file, e);
        }
    }

    private static ProjectException translateOpenError(Path file, SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || messageHas(e, "already in use")) {
            return new ProjectException(ProjectException.Reason.LOCKED,
                    file + " is open in another program (the project is locked). Close it there first.", e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1
                || code == ErrorCode.WRONG_PASSWORD_FORMAT || code == ErrorCode.GENERAL_ERROR_1) {
            return new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                    file + " is not a RecBlend project (not a readable H2 database file)", e);
        }
        return new ProjectException(ProjectException.Reason.IO, "Cannot open " + file + ": " + e.getMessage(), e);
    }

    private static boolean messageHas(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void migrate(JdbcConnectionPool pool, String target) {
        var config = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .loggers("slf4j");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static int appliedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM " + HISTORY + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                try {
                    max = Math.max(max, Integer.parseInt(rs.getString(1).split("\\.")[0]));
                } catch (NumberFormatException ignored) {
                    // a version we do not understand cannot be newer than what we wrote
                }
            }
            return max;
        }
    }

    private static Optional<String> readInfo(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT info_value FROM project_info WHERE info_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void insertInfo(PreparedStatement ps, String key, String value) throws SQLException {
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
    }

    /** The version of this build, from the jar manifest (or "dev" when run from classes). */
    public static String appVersion() {
        String v = ProjectStore.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public ProjectPaths paths() {
        return paths;
    }

    public String name() {
        return paths.name();
    }

    public Path databaseFile() {
        return paths.databaseFile();
    }

    public Path artifactsDir() {
        return paths.artifactsDir();
    }

    /** The schema version the project is at now. */
    public int schemaVersion() {
        return read(c -> appliedVersion(c));
    }

    /** A value of the project_info table. */
    public Optional<String> info(String key) {
        return read(c -> readInfo(c, key));
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connection() throws SQLException {
        ensureOpen();
        return pool.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        ensureOpen();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Project " + name() + ": " + e.getMessage(), e);
        }
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("Project " + name() + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Project " + name() + " is closed");
        }
    }

    /**
     * Copies this open project to {@code target} (a base path or a {@code .mv.db} file) without
     * closing it: H2's BACKUP writes a consistent copy of the database while other connections may
     * be writing, so a running job cannot tear the copy. The artifacts folder is copied beside it.
     *
     * @return where the copy lives; open it with {@link #open(Path)}
     * @throws ProjectException ALREADY_EXISTS when a project is at the target, IO when it cannot be written
     */
    public ProjectPaths copyTo(Path target) throws ProjectException {
        ensureOpen();
        ProjectPaths copy = ProjectPaths.of(target);
        if (copy.equals(paths)) {
            throw new ProjectException(ProjectException.Reason.ALREADY_EXISTS,
                    "Choose another place: " + copy.databaseFile() + " is this project's own file");
        }
        if (Files.exists(copy.databaseFile())) {
            throw new ProjectException(ProjectException.Reason.ALREADY_EXISTS,
                    "A project already exists at " + copy.databaseFile());
        }
        Path zip = null;
        try {
            Files.createDirectories(copy.databaseFile().getParent());
            zip = Files.createTempFile(copy.databaseFile().getParent(), ".backup-", ".zip");
            Files.delete(zip);  // BACKUP refuses nothing, but writes the zip itself
            String zipName = zip.toString().replace('\\', '/').replace("'", "''");
            read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("BACKUP TO '" + zipName + "'");
                }
            });
            extractDatabase(zip, copy.databaseFile());
            copyTree(paths.artifactsDir(), copy.artifactsDir());
        } catch (IOException | StoreException e) {
            deleteQuietly(copy.databaseFile());
            throw new ProjectException(ProjectException.Reason.IO,
                    "Cannot save a copy of the project to " + copy.databaseFile() + ": " + e.getMessage(), e);
        } finally {
            if (zip != null) {
                deleteQuietly(zip);
            }
        }
        LOG.info("Copied project {} to {}", paths.databaseFile(), copy.databaseFile());
        return copy;
    }

    /** The backup zip holds the one database file; it becomes the copy's {@code .mv.db}. */
    private static void extractDatabase(Path zip, Path databaseFile) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(ProjectPaths.H2_SUFFIX)) {
                    Files.copy(in, databaseFile);
                    return;
                }
            }
        }
        throw new IOException("the database backup holds no " + ProjectPaths.H2_SUFFIX + " file");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the database so its file can be copied, shared or opened by another process. H2
     * closes the file when its last connection closes; disposing the pool closes the idle ones
     * now and each leased one when it is returned. (A SHUTDOWN statement here made the pool's own
     * close roll back on a closed database and write an exception to a .trace.db file.)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
    }
}
