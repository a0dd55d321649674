package io.taskgraph.adapters.web.http;

/** How much a run's uploads may hold: bytes per file and number of files. Breaking either is a 413. */
public record UploadLimits(long maxFileBytes, int maxFiles) {
    public static final UploadLimits DEFAULT = new UploadLimits(200L * 1024 * 1024, 20);

    /** Multipart overhead allowed per request on top of the files themselves (headers, form fields). */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    public UploadLimits {
        if (maxFileBytes < 1 || maxFiles < 0) {
            throw new IllegalArgumentException("Upload limits must be positive: " + maxFileBytes + " bytes, "
                    + maxFiles + " files.");
        }
    }

    /** The largest request body a run request can have. */
    long maxRequestBytes() {
        return maxFileBytes * Math.max(maxFiles, 1) + FORM_OVERHEAD_BYTES;
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
