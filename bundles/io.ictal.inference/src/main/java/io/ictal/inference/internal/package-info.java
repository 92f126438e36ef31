/**
 * The inference runtime: ONNX Runtime sessions, the model-bundle extender, validation and hot
 * swap. Private: classifiers use {@code io.ictal.api.model} only.
 */
package io.ictal.inference.internal;
