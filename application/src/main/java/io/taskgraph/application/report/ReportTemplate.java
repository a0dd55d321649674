package io.taskgraph.application.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page around the report's body: {@code report.html} with {@code report.css} and {@code report.js} inlined, so
 * the file is whole on its own. Its Content-Security-Policy allows exactly that style and that script (by their
 * SHA-256) and nothing else: no request can leave the page, and no script that got into the body could run.
 */
final class ReportTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String PAGE = resource("report.html");
    private static final String STYLE = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private ReportTemplate() {
    }

    static String page(String escapedTitle, String body) {
        String csp = "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '" + sha256(SCRIPT)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        return fill(Map.of("csp", csp, "title", escapedTitle, "style", STYLE, "body", body, "script", SCRIPT));
    }

    /** One pass over the template: text put in is never scanned for placeholders itself. */
    private static String fill(Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(PAGE);
        StringBuilder out = new StringBuilder(PAGE.length() + values.values().stream().mapToInt(String::length).sum());
        int last = 0;
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html names {{" + placeholder.group(1) + "}}, which has no value");
            }
            out.append(PAGE, last, placeholder.start()).append(value);
            last = placeholder.end();
        }
        return out.append(PAGE, last, PAGE.length()).toString();
    }

    private static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report resource " + name, e);
        }
    }
}
