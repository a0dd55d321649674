package io.taskgraph.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * How fast the machine is at this moment: fixed work, timed on one core alone and on two cores at once. The work
 * is arithmetic (what a core gives) and a random walk over 16 MB (what the caches and memory give, which
 * neighbours on the host share). A virtual machine's cores are shared with its host, and the same code's figures move by a
 * third when the host is busy although the load average inside is low; this line shows such a moment, so that a
 * run's figures can be read against it (the quiet machine's values are in BENCHMARKS.md).
 */
final class MachineSpeed {
    private static final int ITERATIONS = 20_000_000;
    private static final int WALK_STEPS = 300_000;
    private static final int[] WALK = cycle(4 * 1024 * 1024);
    private static final int SAMPLES = 5;
    private static volatile long sink;
    private static boolean warm;

    private MachineSpeed() {
    }

    /** E.g. {@code "fixed work 41 ms on one core, 42 ms on two at once"}: medians of five. */
    static String probe() {
        if (!warm) {
            for (int i = 0; i < 10; i++) {
                sink += work(0);
            }
            warm = true;
        }
        double[] alone = new double[SAMPLES];
        double[] together = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            alone[i] = timed(0);
            // The two walks start far apart on the cycle, so that neither finds the other's lines in the cache.
            CompletableFuture<Double> other = CompletableFuture.supplyAsync(() -> timed(WALK.length / 2), MachineSpeed::thread);
            double mine = timed(0);
            together[i] = Math.max(mine, other.join());
        }
        return String.format(Locale.ROOT, "fixed work %.0f ms on one core, %.0f ms on two at once (medians of %d)",
                median(alone), median(together), SAMPLES);
    }

    private static void thread(Runnable runnable) {
        Thread thread = new Thread(runnable, "machine-speed");
        thread.setDaemon(true);
        thread.start();
    }

    private static double timed(int walkFrom) {
        long start = System.nanoTime();
        sink += work(walkFrom);
        return (System.nanoTime() - start) / 1e6;
    }

    /** A xorshift sequence (no memory traffic, nothing the JIT can fold away), then a walk of the random cycle. */
    private static long work(int walkFrom) {
        long x = 88172645463325252L;
        long sum = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sum += x & 0xff;
        }
        int at = walkFrom;
        for (int i = 0; i < WALK_STEPS; i++) {
            at = WALK[at];
        }
        return sum + at;
    }

    /** One random cycle through all {@code n} slots (Sattolo's shuffle), so each step is a cache miss. */
    private static int[] cycle(int n) {
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        return next;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
