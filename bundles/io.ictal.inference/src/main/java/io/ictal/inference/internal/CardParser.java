package io.ictal.inference.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.GoldenPair;
import io.ictal.api.model.InputContract;
import io.ictal.api.model.Metric;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.Normalisation;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.model.TensorSpec;
import io.ictal.api.model.TensorType;
import io.ictal.api.model.TrainingData;
import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.SpectralLayer;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a model card (JSON, see training/modelbundle/README.md). Every error names the card file
 * and the JSON path of the field, e.g. {@code model/card.json: field 'input.tensors[0].shape': ...}.
 */
final class CardParser {

    private CardParser() {
    }

    /** @param file the card's path in its bundle, for messages */
    static ModelCard parse(String file, byte[] json) throws ModelBundleException {
        CardParser p = new CardParser();
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ModelBundleException(file, "not valid JSON: " + e.getMessage());
        }
        try {
            return p.card(p.object(root, "(root)"));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The records' own validation (cross-field rules, value ranges).
            throw new ModelBundleException(file, "invalid card: " + e.getMessage());
        } catch (FieldException e) {
            throw new ModelBundleException(file, e.getMessage());
        }
    }

    /** A field missing or of the wrong kind; carries the field path. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldException(String path, String expected, JsonElement actual) {
            super("field '" + path + "': expected " + expected + ", was "
                    + (actual == null ? "missing" : abbreviate(actual.toString())));
        }

        private static String abbreviate(String s) {
            return s.length() > 60 ? s.substring(0, 60) + "..." : s;
        }
    }

    private ModelCard card(JsonObject o) {
        return new ModelCard(
                text(o, "id", ""),
                text(o, "task", ""),
                text(o, "version", ""),
                text(o, "graph", ""),
                map(o, "sha256", "sha256", this::textValue),
                input(object(o.get("input"), "input")),
                list(o, "outputs", "outputs", this::tensorSpec),
                list(o, "labels", "labels", this::textValue),
                map(o, "thresholds", "thresholds", this::numberValue),
                list(o, "trainingData", "trainingData", (e, path) -> {
                    JsonObject t = object(e, path);
                    return new TrainingData(text(t, "name", path), text(t, "citation", path),
                            t.has("url") ? text(t, "url", path) : "");
                }),
                list(o, "metrics", "metrics", (e, path) -> {
                    JsonObject m = object(e, path);
                    return new Metric(text(m, "name", path), number(m, "value", path), text(m, "split", path));
                }),
                golden(object(o.get("golden"), "golden")));
    }

    private InputContract input(JsonObject o) {
        return new InputContract(
                list(o, "tensors", "input.tensors", this::tensorSpec),
                number(o, "samplingRateHz", "input"),
                number(o, "windowSeconds", "input"),
                number(o, "hopSeconds", "input"),
                spectrogram(object(o.get("spectrogram"), "input.spectrogram")),
                text(o, "montage", "input"),
                list(o, "channels", "input.channels", this::textValue),
                normalisation(object(o.get("normalisation"), "input.normalisation")));
    }

    private TensorSpec tensorSpec(JsonElement e, String path) {
        JsonObject o = object(e, path);
        String dtype = text(o, "dtype", path);
        TensorType type;
        try {
            type = TensorType.fromCardName(dtype);
        } catch (IllegalArgumentException ex) {
            throw new FieldException(path + ".dtype", "one of float32", o.get("dtype"));
        }
        return new TensorSpec(text(o, "name", path), list(o, "shape", path + ".shape", this::longValue), type);
    }

    /** {@code kind} says which spectrogram service method; the other fields are its parameters. */
    private SpectrogramInput spectrogram(JsonObject o) {
        String path = "input.spectrogram";
        String kind = text(o, "kind", path);
        return switch (kind) {
            case "none" -> new SpectrogramInput.RawSamples();
            case "stft" -> new SpectrogramInput.Stft(stft(o, path));
            case "multi-spectral" -> new SpectrogramInput.MultiSpectral(new MultiSpectralParameters(
                    list(o, "layers", path + ".layers", (e, layerPath) -> {
                        JsonObject layer = object(e, layerPath);
                        return new SpectralLayer(number(layer, "windowSeconds", layerPath),
                                number(layer, "maxHz", layerPath));
                    }),
                    number(o, "minHz", path),
                    number(o, "hopSeconds", path),
                    integer(o, "bins", path),
                    constant(o, "taper", path, Taper.class),
                    constant(o, "detrend", path, Detrend.class),
                    o.has("resampleToHz") ? number(o, "resampleToHz", path) : 0));
            case "image" -> new SpectrogramInput.Image(new ImageParameters(
                    stft(object(o.get("stft"), path + ".stft"), path + ".stft"),
                    number(o, "imageSeconds", path),
                    integer(o, "height", path),
                    integer(o, "width", path),
                    constant(o, "range", path, ColourRange.class),
                    number(o, "minDb", path),
                    number(o, "maxDb", path),
                    constant(o, "colourMap", path, ColourMap.class)));
            default -> throw new FieldException(path + ".kind", "one of none, stft, multi-spectral, image", o.get("kind"));
        };
    }

    private StftParameters stft(JsonObject o, String path) {
        return new StftParameters(
                number(o, "windowSeconds", path),
                number(o, "hopSeconds", path),
                constant(o, "taper", path, Taper.class),
                constant(o, "detrend", path, Detrend.class),
                constant(o, "scale", path, SpectrumScale.class),
                o.has("minHz") ? number(o, "minHz", path) : 0,
                // JSON has no infinity: a missing maxHz means up to Nyquist.
                o.has("maxHz") ? number(o, "maxHz", path) : Double.POSITIVE_INFINITY,
                o.has("resampleToHz") ? number(o, "resampleToHz", path) : 0);
    }

    private Normalisation normalisation(JsonObject o) {
        String path = "input.normalisation";
        return new Normalisation(text(o, "method", path),
                o.has("mean") ? list(o, "mean", path + ".mean", this::numberValue) : List.of(),
                o.has("std") ? list(o, "std", path + ".std", this::numberValue) : List.of());
    }

    private GoldenPair golden(JsonObject o) {
        return new GoldenPair(map(o, "inputs", "golden.inputs", this::tensor),
                map(o, "outputs", "golden.outputs", this::tensor), number(o, "tolerance", "golden"));
    }

    private FloatTensor tensor(JsonElement e, String path) {
        JsonObject o = object(e, path);
        List<Long> shape = list(o, "shape", path + ".shape", this::longValue);
        List<Double> data = list(o, "data", path + ".data", this::numberValue);
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).floatValue();
        }
        try {
            return FloatTensor.of(shape.stream().mapToLong(Long::longValue).toArray(), values);
        } catch (IllegalArgumentException ex) {
            throw new FieldException(path, "data matching the shape (" + ex.getMessage() + ")", o.get("shape"));
        }
    }

    // --- field access, each naming the path on failure ---

    private JsonObject object(JsonElement e, String path) {
        if (e == null || !e.isJsonObject()) {
            throw new FieldException(path, "an object", e);
        }
        return e.getAsJsonObject();
    }

    private String text(JsonObject o, String name, String parent) {
        return textValue(o.get(name), child(parent, name));
    }

    private double number(JsonObject o, String name, String parent) {
        return numberValue(o.get(name), child(parent, name));
    }

    private int integer(JsonObject o, String name, String parent) {
        long value = longValue(o.get(name), child(parent, name));
        if (value != (int) value) {
            throw new FieldException(child(parent, name), "an int", o.get(name));
        }
        return (int) value;
    }

    private <E extends Enum<E>> E constant(JsonObject o, String name, String parent, Class<E> type) {
        String value = text(o, name, parent);
        for (E c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(value)) {
                return c;
            }
        }
        throw new FieldException(child(parent, name), "one of " + List.of(type.getEnumConstants()), o.get(name));
    }

    private <T> List<T> list(JsonObject o, String name, String path, BiFunction<JsonElement, String, T> item) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) {
            throw new FieldException(path, "an array", e);
        }
        JsonArray a = e.getAsJsonArray();
        List<T> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(item.apply(a.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private <T> Map<String, T> map(JsonObject o, String name, String path, BiFunction<JsonElement, String, T> value) {
        JsonObject m = object(o.get(name), path);
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : m.entrySet()) {
            out.put(e.getKey(), value.apply(e.getValue(), path + "." + e.getKey()));
        }
        return out;
    }

    private String textValue(JsonElement e, String path) {
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw new FieldException(path, "a string", e);
    }

    private Double numberValue(JsonElement e, String path) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsDouble();
        }
        throw new FieldException(path, "a number", e);
    }

    private Long longValue(JsonElement e, String path) {
        if (e instanceof JsonPrimitive p && p.isNumber() && p.getAsDouble() == Math.rint(p.getAsDouble())) {
            return p.getAsLong();
        }
        throw new FieldException(path, "an integer", e);
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
