package io.ictal.api.model;

/**
 * Element type of a model tensor. Only 32-bit floats cross the contract: spectrogram images, signal
 * windows and probabilities all are.
 */
public enum TensorType {
    FLOAT32("float32");

    private final String cardName;

    TensorType(String cardName) {
        this.cardName = cardName;
    }

    /** The name a model card uses, e.g. {@code float32}. */
    public String cardName() {
        return cardName;
    }

    /**
     * @throws IllegalArgumentException naming the accepted names when {@code name} is none of them
     */
    public static TensorType fromCardName(String name) {
        for (TensorType t : values()) {
            if (t.cardName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("dtype must be one of " + java.util.Arrays.stream(values())
                .map(TensorType::cardName).toList() + ", was '" + name + "'");
    }
}
