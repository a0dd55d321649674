package io.taskgraph.adapters.web.error;

/** The kinds of request the web app refuses; the HTTP layer maps each to one status code. */
public enum Problem {
    /** The request's input is wrong (missing or unknown field, bad file name): 400. */
    BAD_INPUT,
    /** No such run, file or view: 404. */
    NOT_FOUND,
    /** The request asks for something the run cannot give yet (e.g. the .db while it still runs): 409. */
    NOT_READY,
    /** An upload breaks the size or count limits: 413. */
    TOO_LARGE,
    /** The server cannot start runs as configured (e.g. no LLM API key): 503. */
    UNAVAILABLE,
    /** The request came from another web site (a cross-origin form post): 403. */
    FORBIDDEN
}
