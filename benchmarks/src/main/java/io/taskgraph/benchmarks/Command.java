package io.taskgraph.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command line run as a user runs it: in a working directory, with a clean environment (only what a user's
 * shell would carry, plus what the benchmark sets), output to files, timed by wall clock from start to exit.
 * Optionally it samples the peak resident memory ({@code VmHWM}) of the process and of its descendants.
 */
final class Command {
    private static final long TIMEOUT_SECONDS = 900;
    /** GNU time, when installed, reports the CPU time of the command and every process it waited for. */
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME",
            "TASKGRAPH_PYTHON");

    /** How a command ended. */
    /** {@code startNanos} and {@code endNanos}: {@link System#nanoTime} when the process started and ended. */
    record Outcome(int exitCode, double seconds, double cpuSeconds, String out, String err, long peakRssKb,
                   long childPeakRssKb, long startNanos, long endNanos) {
        Outcome requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " exited " + exitCode + "\n--- stdout (end)\n" + tail(out)
                        + "\n--- stderr (end)\n" + tail(err));
            }
            return this;
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        }
    }

    private final List<String> argv;
    private final Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean sampleMemory;

    Command(Path directory, List<String> argv) {
        this.directory = directory;
        this.argv = List.copyOf(argv);
        for (String name : INHERITED) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                environment.put(name, value);
            }
        }
        environment.put("NO_COLOR", "1");
    }

    Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Command env(Map<String, String> values) {
        environment.putAll(values);
        return this;
    }

    Command sampleMemory() {
        this.sampleMemory = true;
        return this;
    }

    Outcome run() throws IOException, InterruptedException {
        Path out = Files.createTempFile("taskgraph-bench-", ".out");
        Path err = Files.createTempFile("taskgraph-bench-", ".err");
        Path cpu = Files.createTempFile("taskgraph-bench-", ".cpu");
        try {
            List<String> line = new ArrayList<>();
            if (!sampleMemory && Files.isExecutable(GNU_TIME)) { // sampled memory must be java's own, not time's
                line.addAll(List.of(GNU_TIME.toString(), "-q", "-f", "%U %S", "-o", cpu.toString()));
            }
            line.addAll(argv);
            ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            MemorySampler sampler = sampleMemory ? MemorySampler.start(process.toHandle()) : null;
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            long[] peaks = sampler == null ? new long[] {0, 0} : sampler.stop();
            return new Outcome(process.exitValue(), seconds, cpuSeconds(cpu), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), peaks[0], peaks[1], start, end);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(cpu);
        }
    }

    /** User + system seconds from GNU time's output, NaN without it. */
    private static double cpuSeconds(Path file) throws IOException {
        String text = Files.readString(file).strip();
        String[] fields = text.isEmpty() ? new String[0] : text.substring(text.lastIndexOf('\n') + 1).split(" ");
        return fields.length == 2 ? Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]) : Double.NaN;
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }

    /**
     * Polls {@code VmHWM} (the kernel's own high-water mark of resident memory) of the process and its
     * descendants every few milliseconds; because the mark only grows, a poll after the peak still sees it.
     */
    private static final class MemorySampler {
        private final ProcessHandle process;
        private final Thread thread;
        private volatile boolean stopped;
        private long peak;
        private long childPeak;

        private MemorySampler(ProcessHandle process) {
            this.process = process;
            this.thread = new Thread(this::loop, "rss-sampler");
            thread.setDaemon(true);
        }

        static MemorySampler start(ProcessHandle process) {
            MemorySampler sampler = new MemorySampler(process);
            sampler.thread.start();
            return sampler;
        }

        private void loop() {
            while (!stopped) {
                sample();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void sample() {
            peak = Math.max(peak, highWaterMarkKb(process.pid()));
            List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
            for (ProcessHandle child : children) {
                childPeak = Math.max(childPeak, highWaterMarkKb(child.pid()));
            }
        }

        long[] stop() throws InterruptedException {
            stopped = true;
            thread.join();
            synchronized (this) {
                return new long[] {peak, childPeak};
            }
        }

        private static long highWaterMarkKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process has ended between listing and reading
            }
            return 0;
        }
    }
}
