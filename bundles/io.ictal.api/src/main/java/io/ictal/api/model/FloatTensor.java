package io.ictal.api.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense float tensor in row-major order: what classifiers hand a model and get back.
 * A class rather than a record because its arrays are copied in and never handed out unprotected.
 */
public final class FloatTensor {

    private final long[] shape;
    private final float[] data;

    private FloatTensor(long[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * @param shape dimensions, each &ge; 1 (copied)
     * @param data values in row-major order, as many as the shape's product (copied)
     */
    public static FloatTensor of(long[] shape, float[] data) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long size = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("dimensions must be >= 1, shape was " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
        return new FloatTensor(shape.clone(), data.clone());
    }

    /** The dimensions (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis}. */
    public long dim(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** The values in row-major order (a copy). */
    public float[] data() {
        return data.clone();
    }

    /** A read-only view of the values, without copying. */
    public FloatBuffer buffer() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Value at a flat row-major index. */
    public float get(int flatIndex) {
        return data[flatIndex];
    }

    /** Largest absolute element difference to {@code other}, or infinity when the shapes differ. */
    public double maxAbsDifference(FloatTensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < data.length; i++) {
            double d = Math.abs((double) data[i] - other.data[i]);
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** Shape only: a tensor can hold millions of values. */
    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
