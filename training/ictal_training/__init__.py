"""Ictal training pipeline: Python mirrors of the Java services, so training and inference tensors agree."""
