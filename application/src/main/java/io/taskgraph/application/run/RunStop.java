package io.taskgraph.application.run;

/**
 * Why a run stopped itself before its tasks were done: {@code cause} in a few words, for the line of every task it
 * stopped ("the model server refused the run's calls (HTTP 401: ...)"), and {@code message} for the person running
 * it: what failed and how to fix it.
 */
public record RunStop(String cause, String message) {
}
