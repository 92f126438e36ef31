package io.ictal.shell.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON style of every {@code --json} output: pretty, nulls kept, no HTML escaping. */
public final class Json {

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .create();

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    public static Gson gson() {
        return GSON;
    }
}
