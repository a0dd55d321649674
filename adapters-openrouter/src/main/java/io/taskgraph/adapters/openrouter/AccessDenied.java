package io.taskgraph.adapters.openrouter;

/**
 * What an answer refusing the account (401, 402, 403, 404) means and what the user does about it. Such an answer
 * comes back for every call of the run, so it is said once, plainly, with the fix.
 */
final class AccessDenied {
    private AccessDenied() {
    }

    /** Follows "The model server at URL ". */
    static String what(int status) {
        return switch (status) {
            case 401 -> "rejected the API key";
            case 402 -> "refused the call for lack of credit";
            case 403 -> "refused access";
            default -> "does not know the model or the endpoint";
        };
    }

    static String fix(int status, String model) {
        String key = OpenRouterConfig.API_KEY_VARIABLE;
        return switch (status) {
            case 401 -> "Check " + key + " (environment or .env): it may be mistyped, revoked or expired; OpenRouter "
                    + "keys are at https://openrouter.ai/keys.";
            case 402 -> "Add credit to the account of " + key + " (on OpenRouter: https://openrouter.ai/settings/credits), "
                    + "or raise the key's credit limit.";
            case 403 -> "Check that the key in " + key + " may use model '" + model + "' (the key's allowed models, "
                    + "limits and guardrails), or choose another model with -m.";
            default -> "Check the model id '" + model + "' (-m) and " + OpenRouterConfig.BASE_URL_VARIABLE + ".";
        };
    }

    static String withoutFinalDot(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
