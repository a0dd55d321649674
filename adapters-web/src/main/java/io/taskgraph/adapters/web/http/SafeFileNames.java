package io.taskgraph.adapters.web.http;

import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * File names that come from requests (upload names, download names) are plain names inside one folder:
 * never a path, never {@code .} or {@code ..}, never absolute, no separators or control characters.
 */
final class SafeFileNames {
    static final int MAX_LENGTH = 255;

    private SafeFileNames() {
    }

    /** The name if it is a plain file name; a 400 that says why otherwise. */
    static String plainName(String name, String what) {
        String problem = problem(name);
        if (problem != null) {
            throw WebException.badInput(what + " '" + printable(name) + "' " + problem
                    + "; use a plain file name such as sales.csv.");
        }
        return name;
    }

    private static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (name.equals(".") || name.equals("..")) {
            return "names a directory";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "contains a path separator";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "is an absolute path";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "contains a control character";
            }
        }
        if (!name.equals(name.strip())) {
            return "starts or ends with white space";
        }
        return null;
    }

    /**
     * The existing regular file {@code name} directly inside {@code folder}, following no link out of it;
     * a 404 when there is none.
     */
    static Path existingFileIn(Path folder, String name, String what) {
        plainName(name, what);
        Path file = folder.resolve(name).normalize();
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw WebException.notFound(what + " '" + printable(name) + "' does not exist in this run.");
        }
        return file;
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}
