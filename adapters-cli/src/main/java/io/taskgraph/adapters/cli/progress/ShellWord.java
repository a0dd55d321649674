package io.taskgraph.adapters.cli.progress;

/** Paths and names as the user can paste them into a shell: quoted only when they must be. */
public final class ShellWord {
    private ShellWord() {
    }

    public static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
