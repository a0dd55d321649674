package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.StatementVerdict.Allowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CREATE and DROP statements a task may run, read token by token:
 * {@code CREATE [OR REPLACE] [TEMP|TEMPORARY] VIEW|MACRO|FUNCTION [IF NOT EXISTS] name ...} and
 * {@code DROP VIEW|MACRO [TABLE]|FUNCTION [IF EXISTS] name [RESTRICT]}, where the name must be in the task's
 * namespace and in the workspace's main schema. Anything the reader does not expect is refused.
 */
final class CreateOrDrop {
    private final List<SqlToken> tokens;
    private final Namespace namespace;
    private int pos = 1;

    private CreateOrDrop(List<SqlToken> tokens, Namespace namespace) {
        this.tokens = tokens;
        this.namespace = namespace;
    }

    static StatementVerdict create(List<SqlToken> tokens, Namespace namespace) {
        return new CreateOrDrop(tokens, namespace).create();
    }

    static StatementVerdict drop(List<SqlToken> tokens, Namespace namespace) {
        return new CreateOrDrop(tokens, namespace).drop();
    }

    private StatementVerdict create() {
        if (accept("OR") && !accept("REPLACE")) {
            return unexpected("REPLACE after CREATE OR");
        }
        boolean temporary = accept("TEMP") || accept("TEMPORARY");
        String objectType = peekKeyword();
        StatementKind kind;
        if ("VIEW".equals(objectType)) {
            kind = StatementKind.CREATE_VIEW;
        } else if ("MACRO".equals(objectType) || "FUNCTION".equals(objectType)) {
            kind = StatementKind.CREATE_MACRO;
        } else if ("TABLE".equals(objectType)) {
            return denied(DenialMessages.createTable());
        } else if (objectType == null) {
            return unexpected("VIEW or MACRO after CREATE");
        } else {
            return denied(DenialMessages.createOther(objectWords()));
        }
        pos++;
        String verb = "CREATE " + (temporary ? "TEMP " : "") + objectType;
        if (accept("IF") && !(accept("NOT") && accept("EXISTS"))) {
            return unexpected("IF NOT EXISTS");
        }
        Parsed<String> name = name(verb);
        if (name.refusal != null) {
            return name.refusal;
        }
        if (temporary && namespace.outputs().stream().anyMatch(o -> o.equalsIgnoreCase(name.value))) {
            // A temporary object vanishes with the task's connection, so validation would never find the output.
            return denied("'" + name.value + "' is a declared output, and a TEMP " + objectType.toLowerCase(Locale.ROOT)
                    + " disappears when this task's session ends. Create it without TEMP: CREATE OR REPLACE "
                    + objectType + " " + name.value + " ....");
        }
        Optional<String> bodyProblem = kind == StatementKind.CREATE_VIEW ? viewBody() : macroBodies();
        if (bodyProblem.isPresent()) {
            return denied(bodyProblem.get());
        }
        Optional<String> nested = new QueryCheck(tokens).nestedProblem(0, tokens.size());
        if (nested.isPresent()) {
            return denied(nested.get());
        }
        return new Allowed(kind, name.value);
    }

    /** {@code [(columns)] AS query}. */
    private Optional<String> viewBody() {
        if (pos < tokens.size() && tokens.get(pos).is("(")) {
            pos = new QueryCheck(tokens).matching(pos) + 1;
        }
        if (!accept("AS")) {
            return Optional.of("Expected AS after the view's name and optional column list, found "
                    + found() + ". Write CREATE OR REPLACE VIEW name AS SELECT ....");
        }
        return new QueryCheck(tokens).headProblem(pos, tokens.size(), "as the body of the view");
    }

    /** {@code (params) AS expression | AS TABLE query}, possibly several overloads separated by commas. */
    private Optional<String> macroBodies() {
        if (pos >= tokens.size() || !tokens.get(pos).is("(")) {
            return Optional.of("Expected the macro's parameter list `(...)` after its name, found " + found()
                    + ". Write CREATE OR REPLACE MACRO name(a, b) AS expression.");
        }
        QueryCheck check = new QueryCheck(tokens);
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (depth == 0 && token.isKeyword("AS") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isKeyword("TABLE")) {
                Optional<String> problem = check.headProblem(i + 2, tokens.size(), "as the body of the table macro");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private StatementVerdict drop() {
        String objectType = peekKeyword();
        StatementKind kind;
        if ("VIEW".equals(objectType)) {
            kind = StatementKind.DROP_VIEW;
        } else if ("MACRO".equals(objectType) || "FUNCTION".equals(objectType)) {
            kind = StatementKind.DROP_MACRO;
        } else if (objectType == null) {
            return unexpected("VIEW or MACRO after DROP");
        } else {
            return denied(DenialMessages.dropOther(objectWords()));
        }
        pos++;
        String verb = "DROP " + objectType;
        if (kind == StatementKind.DROP_MACRO && accept("TABLE")) {
            verb += " TABLE";
        }
        if (accept("IF") && !accept("EXISTS")) {
            return unexpected("IF EXISTS");
        }
        Parsed<String> name = name(verb);
        if (name.refusal != null) {
            return name.refusal;
        }
        if (accept("CASCADE")) {
            return denied("DROP ... CASCADE is not allowed: it can drop objects outside the task's namespace. "
                    + "Drop the object without CASCADE.");
        }
        accept("RESTRICT");
        if (pos < tokens.size() && tokens.get(pos).is(",")) {
            return denied("Drop one object per statement: send a separate " + verb + " for each name.");
        }
        if (pos < tokens.size()) {
            return unexpected("the end of the statement after the name in " + verb);
        }
        return new Allowed(kind, name.value);
    }

    /**
     * The object name: {@code name}, {@code main.name} or {@code "main"."name"}; quoted names are unquoted.
     * Another schema, a catalog, or a name outside the namespace is refused.
     */
    private Parsed<String> name(String verb) {
        List<SqlToken> parts = new ArrayList<>();
        while (true) {
            if (pos >= tokens.size() || !tokens.get(pos).isIdentifier()) {
                return Parsed.refused(unexpected("a name after " + verb));
            }
            parts.add(tokens.get(pos++));
            if (pos < tokens.size() && tokens.get(pos).is(".")) {
                pos++;
                continue;
            }
            break;
        }
        String written = String.join(".", parts.stream().map(SqlToken::text).toList());
        String name = parts.get(parts.size() - 1).value();
        if (name.isEmpty() || parts.stream().anyMatch(p -> p.value().isEmpty())) {
            return Parsed.refused(denied(verb + " " + written + " uses an empty quoted name; name the object."));
        }
        if (parts.size() > 2) {
            return Parsed.refused(denied(verb + " " + written + " names a database ('" + parts.get(0).value()
                    + "') explicitly; tasks work only in the workspace's main schema. Write the name unqualified: "
                    + name + "."));
        }
        if (parts.size() == 2 && !parts.get(0).value().equalsIgnoreCase("main")) {
            return Parsed.refused(denied(verb + " " + written + " targets schema or database '"
                    + parts.get(0).value() + "'; tasks work only in the workspace's main schema. Write the name "
                    + "unqualified: " + name + "."));
        }
        if (verb.startsWith("CREATE") && PathLikeNames.isPathLike(name)) {
            String plain = name.replaceAll("[^A-Za-z0-9_]+", "_");
            return Parsed.refused(denied(verb + " " + written + ": a name with . / \\ : * ? [ ] { } or ~ reads "
                    + "like a file path to DuckDB. Use letters, digits and underscores, e.g. "
                    + (namespace.allows(plain) ? plain : namespace.task() + "_" + plain) + "."));
        }
        if (!namespace.allows(name)) {
            String owned = namespace.workspace().owner(name)
                    .map(owner -> "it is " + namespace.workspace().describeName(name) + ", and task '"
                            + namespace.task() + "'")
                    .orElse("it");
            return Parsed.refused(denied(verb + " " + written + " is outside the namespace of task '"
                    + namespace.task() + "': " + owned + " may only create or drop views and macros named "
                    + namespace.describe() + ". Rename it, e.g. " + namespace.task() + "_" + name + "."));
        }
        return new Parsed<>(name, null);
    }

    private boolean accept(String keyword) {
        if (pos < tokens.size() && tokens.get(pos).isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private String peekKeyword() {
        return pos < tokens.size() ? tokens.get(pos).keyword() : null;
    }

    /** The object type as written, e.g. {@code SCHEMA}, {@code UNIQUE INDEX}, {@code PERSISTENT SECRET}. */
    private String objectWords() {
        String first = peekKeyword();
        boolean modifier = first.equals("UNIQUE") || first.equals("PERSISTENT");
        if (modifier && pos + 1 < tokens.size() && tokens.get(pos + 1).keyword() != null) {
            return first + " " + tokens.get(pos + 1).keyword();
        }
        return first;
    }

    private String found() {
        return pos < tokens.size() ? "`" + tokens.get(pos).text() + "`" : "the end of the statement";
    }

    private StatementVerdict unexpected(String expected) {
        return denied("Expected " + expected + ", found " + found() + ".");
    }

    private StatementVerdict.Denied denied(String reason) {
        return StatementPolicy.denied(reason, namespace);
    }

    /** A parsed value, or the verdict that refuses the statement. */
    private record Parsed<T>(T value, StatementVerdict refusal) {
        static <T> Parsed<T> refused(StatementVerdict refusal) {
            return new Parsed<>(null, refusal);
        }
    }
}
