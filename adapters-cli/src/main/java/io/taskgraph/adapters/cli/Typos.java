package io.taskgraph.adapters.cli;

import io.taskgraph.domain.text.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds the first word of a command line that names no command or option, and what it may be a slip of. It reads
 * picocli's model of the commands, so every command and option (also those added later) is covered without a list
 * of its own. The word is often the real cause of picocli's complaint: {@code run --outptu x.db} is reported as
 * "missing required option --output", but the fix is to spell {@code --output}.
 */
final class Typos {
    private Typos() {
    }

    /** What is wrong with the first unknown word of {@code args}, with the close names, if any word is unknown. */
    static Optional<String> explain(CommandSpec root, String[] args) {
        CommandSpec command = root;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (command.subcommands().containsKey(arg)) {
                command = command.subcommands().get(arg).getCommandSpec();
                continue;
            }
            if (looksLikeOption(arg)) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                boolean valueAttached = arg.contains("=");
                OptionSpec option = command.findOption(name);
                if (option == null && !name.startsWith("--") && name.length() > 2) {
                    option = command.findOption(name.substring(0, 2)); // clustered (-qf) or valued (-ox.db)
                    valueAttached = true;
                }
                if (option == null) {
                    return Optional.of("Unknown option '" + name + "'" + hint(name, optionNames(command)));
                }
                if (!valueAttached && option.arity().min() > 0) {
                    i++; // its value, whatever it looks like (--concurrency -1)
                }
                continue;
            }
            if (!command.subcommands().isEmpty() && command.positionalParameters().isEmpty()) {
                return Optional.of("Unknown command '" + arg + "'"
                        + hint(arg, new ArrayList<>(command.subcommands().keySet())));
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.startsWith("-") && !Character.isDigit(arg.charAt(1));
    }

    private static List<String> optionNames(CommandSpec command) {
        List<String> names = new ArrayList<>();
        command.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    private static String hint(String word, List<String> names) {
        return Spelling.didYouMean(word, names).map(suggestion -> "; " + suggestion).orElse(".");
    }
}
