package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.adapters.web.run.RunSettings;
import io.taskgraph.adapters.web.run.Upload;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form of {@code POST /api/run}: {@code spec_id}, {@code model}, {@code reasoning_effort}, {@code max_iterations},
 * any number of {@code data_files}, and optionally {@code select}: which tasks to run (with the tasks they need),
 * repeated or comma-separated, in the CLI's {@code --select} syntax. Checks sizes before names before fields, so an
 * oversized upload is refused (413) before its content matters. Whether the selected tasks exist is the spec's to say.
 */
record RunForm(RunSettings settings, List<Upload> uploads) {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

    static RunForm read(Context ctx, FormOptions options) {
        UploadLimits limits = options.limits();
        long length = ctx.contentLength();
        if (length > limits.maxRequestBytes()) {
            throw WebException.tooLarge("The request is " + UploadLimits.describe(length) + ", more than this server "
                    + "accepts (" + limits.maxFiles() + " files of up to " + UploadLimits.describe(limits.maxFileBytes())
                    + " each).");
        }
        List<Upload> uploads = uploads(ctx.uploadedFiles("data_files"), limits);
        String specId = ctx.formParam("spec_id");
        if (specId == null || specId.isBlank()) {
            throw WebException.badInput("Form field 'spec_id' is missing: pick a spec from GET /api/specs.");
        }
        return new RunForm(new RunSettings(specId.strip(), model(ctx.formParam("model"), options.defaultModel()),
                effort(ctx.formParam("reasoning_effort"), options.defaultEffort()), selection(ctx.formParams("select")),
                maxIterations(ctx.formParam("max_iterations"))), uploads);
    }

    /** No {@code select} field, or only empty ones (a multi-select left alone), is every task. */
    private static TaskSelection selection(List<String> fields) {
        List<String> given = fields.stream().filter(field -> !field.isBlank()).toList();
        if (given.isEmpty()) {
            return TaskSelection.ALL;
        }
        try {
            return TaskSelection.parse(given);
        } catch (UsageException e) {
            throw WebException.badInput("Form field 'select': " + e.getMessage());
        }
    }

    private static List<Upload> uploads(List<UploadedFile> files, UploadLimits limits) {
        List<UploadedFile> sent = files.stream().filter(f -> f.filename() != null && !f.filename().isEmpty()
                || f.size() > 0).toList();
        if (sent.size() > limits.maxFiles()) {
            throw WebException.tooLarge(sent.size() + " files were uploaded; this server accepts at most "
                    + limits.maxFiles() + " per run.");
        }
        List<Upload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (UploadedFile file : sent) {
            if (file.size() > limits.maxFileBytes()) {
                throw WebException.tooLarge("File '" + file.filename() + "' is " + UploadLimits.describe(file.size())
                        + "; this server accepts files of up to " + UploadLimits.describe(limits.maxFileBytes()) + ".");
            }
            String name = SafeFileNames.plainName(file.filename(), "Upload name");
            if (!names.add(name)) {
                throw WebException.badInput("Two uploaded files are named '" + name + "'; rename one of them.");
            }
            uploads.add(new Upload(name, file.size(), file::content));
        }
        return uploads;
    }

    private static String model(String text, String defaultModel) {
        if (text == null || text.isBlank()) {
            return defaultModel;
        }
        String model = text.strip();
        if (!MODEL.matcher(model).matches()) {
            throw WebException.badInput("Form field 'model' must be a model id such as " + defaultModel
                    + " (letters, digits and . _ : / @ + -, at most 200 characters).");
        }
        return model;
    }

    /** Model calls per task: a whole number from 1 to {@link FormOptions#MAX_ITERATIONS_LIMIT}; empty for the default. */
    private static int maxIterations(String text) {
        if (text == null || text.isBlank()) {
            return RunDefaults.MAX_ITERATIONS;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > FormOptions.MAX_ITERATIONS_LIMIT) {
            throw WebException.badInput("Form field 'max_iterations' must be a whole number from 1 to "
                    + FormOptions.MAX_ITERATIONS_LIMIT + " (model calls per task), not '" + abbreviated(text.strip())
                    + "'.");
        }
        return value;
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }

    private static ReasoningEffort effort(String text, ReasoningEffort defaultEffort) {
        if (text == null || text.isBlank()) {
            return defaultEffort;
        }
        try {
            return ReasoningEffort.parse(text);
        } catch (UsageException e) {
            throw WebException.badInput("Form field 'reasoning_effort': " + e.getMessage());
        }
    }
}
