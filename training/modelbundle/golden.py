"""Golden input/output pairs for model cards, computed with the training framework (PyTorch).

Debian ships no onnxruntime for Python, so the exporter cannot check its own ONNX file; the Java
runtime replays this pair when the bundle starts and rejects the model when the outputs differ by
more than the tolerance.
"""
import torch


def tensor_json(t: torch.Tensor) -> dict:
    t = t.detach().to(torch.float32).contiguous()
    return {"shape": list(t.shape), "data": [float(v) for v in t.flatten().tolist()]}


def golden_pair(model: torch.nn.Module, inputs: dict, output_names: list, tolerance: float = 1e-4) -> dict:
    """inputs: graph input name -> example tensor (batch axis first); outputs follow output_names."""
    model.eval()
    with torch.no_grad():
        out = model(*inputs.values())
    if isinstance(out, torch.Tensor):
        out = (out,)
    return {
        "tolerance": tolerance,
        "inputs": {name: tensor_json(t) for name, t in inputs.items()},
        "outputs": {name: tensor_json(t) for name, t in zip(output_names, out)},
    }


def export_onnx(model: torch.nn.Module, inputs: dict, output_names: list, path: str, opset: int = 13) -> None:
    """Exports with a dynamic batch axis on every input and output, as model cards require."""
    model.eval()
    axes = {name: {0: "batch"} for name in list(inputs) + list(output_names)}
    torch.onnx.export(model, tuple(inputs.values()), path, input_names=list(inputs), output_names=output_names,
                      dynamic_axes=axes, opset_version=opset)
