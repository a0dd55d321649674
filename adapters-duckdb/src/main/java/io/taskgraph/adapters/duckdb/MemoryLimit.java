package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.UsageException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the workspace's DuckDB may use for data (buffers, hash tables, sorts, aggregates): beyond
 * it DuckDB spills to a temp folder beside the output or, when it cannot, fails the statement with an
 * out-of-memory error; the connection stays usable. Written as DuckDB writes sizes: {@code 4GB}, {@code 512MB},
 * {@code 1.5GiB} (KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024; plain bytes need {@code B}).
 */
public record MemoryLimit(long bytes) {
    /** Below this DuckDB cannot run the engine's own catalog queries reliably. */
    public static final long MINIMUM = 64L * 1000 * 1000;
    /** The most of the machine's physical memory the default allows; the JVM heap is extra. */
    static final double DEFAULT_SHARE = 0.5;

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]I?B|B)");
    private static final Map<String, Long> UNITS = Map.of("B", 1L, "KB", 1000L, "MB", 1000L * 1000,
            "GB", 1000L * 1000 * 1000, "TB", 1000L * 1000 * 1000 * 1000, "KIB", 1L << 10, "MIB", 1L << 20,
            "GIB", 1L << 30, "TIB", 1L << 40);

    public MemoryLimit {
        if (bytes < MINIMUM) {
            throw new IllegalArgumentException("memory limit below the minimum: " + bytes);
        }
    }

    /**
     * The default: as much as this JVM's heap may hold (a quarter of the machine's memory unless {@code -Xmx} says
     * otherwise), at most half of the machine's memory (its container's limit, where there is one). DuckDB's buffers
     * live in the same process as the heap, so capping the heap to keep the process small caps DuckDB with it: with
     * {@code -Xmx256m} and half the machine as the default, a 5,000,000-row ingest peaked at 576-629 MB resident.
     */
    public static MemoryLimit forThisMachine() {
        return defaultFor(physicalMemory(), Runtime.getRuntime().maxMemory());
    }

    /** The default for a machine with {@code physical} bytes of memory and a JVM heap of at most {@code maxHeap}. */
    static MemoryLimit defaultFor(long physical, long maxHeap) {
        return new MemoryLimit(Math.max(MINIMUM, Math.min((long) (physical * DEFAULT_SHARE), maxHeap)));
    }

    /**
     * Parses {@code text} as given to {@code --memory-limit}; a {@link UsageException} says what is wrong: an
     * unreadable size, one below {@link #MINIMUM}, or one above the machine's physical memory.
     */
    public static MemoryLimit parse(String text) {
        String written = text == null ? "" : text.strip();
        Matcher matcher = SIZE.matcher(written.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("--memory-limit '" + written + "' is not a size: write a number and a unit, "
                    + "such as 4GB, 512MB or 2GiB.");
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(UNITS.get(matcher.group(2))));
        if (bytes.compareTo(BigDecimal.valueOf(MINIMUM)) < 0) {
            throw new UsageException("--memory-limit " + written + " is too small: DuckDB needs at least 64MB.");
        }
        long physical = physicalMemory();
        if (bytes.compareTo(BigDecimal.valueOf(physical)) > 0) {
            throw new UsageException("--memory-limit " + written + " is more than this machine's memory ("
                    + describe(physical) + "); give at most that, or leave the option out for the default ("
                    + forThisMachine().describe() + ").");
        }
        return new MemoryLimit(bytes.longValue());
    }

    /** The value for DuckDB's {@code SET memory_limit}. */
    String setting() {
        return bytes + "B";
    }

    /** The limit for people: "11.7 GB". */
    public String describe() {
        return describe(bytes);
    }

    private static String describe(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%d MB", bytes / 1_000_000);
    }

    static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
