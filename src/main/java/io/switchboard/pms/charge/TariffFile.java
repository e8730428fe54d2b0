package io.switchboard.pms.charge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tariff file consultants edit, re-read when it changes — no restart. Each time a call is
 * priced, {@link #table()} compares the file's last-modified time and size (one {@code stat}) with
 * the version in use; when they differ the file is read again. A version that does not load (bad
 * YAML, an unquoted prefix, a bad amount …) is <b>not</b> applied: the previous table stays in use
 * and the reason is logged once, with the file, the line and what is wrong. The first load, at
 * start, still fails the start.
 */
public final class TariffFile {

    private static final Logger LOG = LoggerFactory.getLogger(TariffFile.class);

    private record Version(FileTime modified, long size) {}

    private final Path path;
    private TariffTable table;
    private Version loaded;
    private Version rejected;
    private String rejection;

    /** Loads the file; throws (with file, line and reason) when it cannot be used. */
    public TariffFile(Path path) {
        this.path = path;
        Version version = version().orElse(null);
        this.table = TariffTable.load(path);
        this.loaded = version;
    }

    /** The table to price with: the file re-read first if it changed since the last look. */
    public synchronized TariffTable table() {
        Optional<Version> now = version();
        if (now.isEmpty() || now.get().equals(loaded) || now.get().equals(rejected)) {
            return table; // unchanged, already refused, or missing for a moment (being replaced)
        }
        try {
            table = TariffTable.load(path);
            loaded = now.get();
            rejected = null;
            rejection = null;
            LOG.info("Tariff file {} changed: reloaded (currency {}); new calls are priced with it", path, table.currency());
        } catch (IllegalStateException e) {
            rejected = now.get();
            rejection = e.getMessage();
            LOG.error("Tariff file {} changed but was NOT applied, the previous tariff stays in use until the file is"
                    + " fixed: {}", path, e.getMessage());
        }
        return table;
    }

    /** Why the file's current version was refused, if it was (the previous table is in use). */
    public synchronized Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }

    public Path path() {
        return path;
    }

    private Optional<Version> version() {
        try {
            return Optional.of(new Version(Files.getLastModifiedTime(path), Files.size(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
