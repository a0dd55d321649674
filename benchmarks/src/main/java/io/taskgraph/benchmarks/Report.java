package io.taskgraph.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints one benchmark's figures in a fixed layout: what it measures, the load, contenders, the verdict. */
final class Report {
    private boolean allMet = true;

    void title(String name, String what, int rounds) {
        System.out.printf(Locale.ROOT, "%n== %s — %s%n   %d interleaved round%s; figures are median (min - max)%n",
                name, what, rounds, rounds == 1 ? "" : "s");
        System.out.println("   load at start: " + load());
        System.out.println("   machine at start: " + MachineSpeed.probe());
    }

    void figure(String label, Samples samples, String format, String unit) {
        System.out.printf(Locale.ROOT, "   %-58s %s %s%n", label, samples.describe(format), unit);
    }

    void note(String text) {
        System.out.println("   " + text);
    }

    /** The measured value against its target; {@code met} says whether the median meets it. */
    void verdict(String label, Samples samples, String format, String target, boolean met) {
        allMet &= met;
        System.out.printf(Locale.ROOT, "   %-58s %s   target %s: %s%n", label, samples.describe(format), target,
                met ? "MET" : "NOT MET");
    }

    void end() {
        System.out.println("   load at end:   " + load());
        System.out.println("   machine at end:   " + MachineSpeed.probe());
    }

    boolean allMet() {
        return allMet;
    }

    /** The 1, 5 and 15 minute load averages and the number of cores. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1/5/15 min) on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
