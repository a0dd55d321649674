package io.taskgraph.adapters.cli;

import java.util.Optional;

/**
 * A plain {@code taskgraph show} line, read without picocli: {@code show [-s|--spec MODULE] [--format FORMAT]
 * [--debug|--verbose]}, in any order, with {@code --opt=value} forms. Anything else (help, an unknown or
 * incomplete option, a top-level option before {@code show}) is not a plain line and goes through picocli.
 */
record ShowLine(String spec, String format, boolean debug) {
    static final String DEFAULT_FORMAT = "text";

    static Optional<ShowLine> parse(String[] args) {
        if (args.length == 0 || !args[0].equals("show")) {
            return Optional.empty();
        }
        String spec = null;
        String format = DEFAULT_FORMAT;
        boolean debug = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-s") || arg.equals("--spec")) && i + 1 < args.length) {
                spec = args[++i];
            } else if (arg.equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (arg.startsWith("--spec=")) {
                spec = arg.substring("--spec=".length());
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.equals("--debug") || arg.equals("--verbose")) {
                debug = true;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new ShowLine(spec, format, debug));
    }
}
