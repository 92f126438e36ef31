package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference fixtures written by src/test/python/make_fixtures.py (numpy/scipy), and helpers the
 * tests share.
 */
final class Fixtures {

    private static final Gson GSON = new Gson();

    final JsonObject json;

    private Fixtures(JsonObject json) {
        this.json = json;
    }

    static Fixtures load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new Fixtures(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parameters, read as a model card's JSON would be. */
    <T> T parameters(Class<T> type) {
        return GSON.fromJson(json.get("parameters"), type);
    }

    double rateHz() {
        return number("rateHz");
    }

    double number(String field) {
        return json.get(field).getAsDouble();
    }

    float[] samples() {
        JsonArray a = json.getAsJsonArray("samples");
        float[] x = new float[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i).getAsFloat();
        }
        return x;
    }

    double[] doubles(String field) {
        JsonArray a = json.getAsJsonArray(field);
        double[] x = new double[a.size()];
        int i = 0;
        for (JsonElement e : a) {
            x[i++] = e.getAsDouble();
        }
        return x;
    }

    int[] shape() {
        JsonArray a = json.getAsJsonArray("shape");
        int[] s = new int[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).getAsInt();
        }
        return s;
    }

    /** Asserts |actual - expected| <= tolerance * |expected| for every value, reporting the worst. */
    static void assertRelativelyClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]);
            if (!(error <= worst)) {
                worst = error;
                worstAt = i;
            }
        }
        assertTrue(worst <= tolerance, what + ": relative error " + worst + " at " + worstAt + " (expected "
                + (worstAt < 0 ? "-" : expected[worstAt] + ", was " + actual[worstAt]) + ")");
    }

    /** Asserts |actual - expected| <= tolerance for every value, reporting the worst. */
    static void assertAbsolutelyClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= worst)) {
                worst = error;
                worstAt = i;
            }
        }
        assertTrue(worst <= tolerance, what + ": error " + worst + " at " + worstAt);
    }

    static double[] flatten(float[][] values) {
        int n = 0;
        for (float[] row : values) {
            n += row.length;
        }
        double[] flat = new double[n];
        int i = 0;
        for (float[] row : values) {
            for (float v : row) {
                flat[i++] = v;
            }
        }
        return flat;
    }

    static double[] flatten(float[][][] values) {
        double[][] parts = new double[values.length][];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            parts[i] = flatten(values[i]);
            n += parts[i].length;
        }
        double[] flat = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, flat, at, part.length);
            at += part.length;
        }
        return flat;
    }

    static double[] pow10(double[] logs) {
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = Math.pow(10, logs[i]);
        }
        return out;
    }
}
