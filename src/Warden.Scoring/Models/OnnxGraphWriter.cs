using Warden.Scoring.Models.Onnx;

namespace Warden.Scoring.Models;

/// <summary>
/// Writes a linear classifier as an ONNX model — <c>scores = Sigmoid(features · W + b)</c> — so training
/// needs no Python.
/// </summary>
public static class OnnxGraphWriter
{
    private const long Opset = 13;

    /// <param name="weights">Row-major [dimension, categories].</param>
    public static byte[] LinearClassifier(int dimension, int categories, float[] weights, float[] bias, IReadOnlyDictionary<string, string> metadata)
    {
        if (weights.Length != dimension * categories || bias.Length != categories)
        {
            throw new ArgumentException("weights must be dimension × categories and bias one per category");
        }

        var graph = new OnnxGraphBuilder("warden_linear_classifier");
        graph.Weight("W", [dimension, categories], weights);
        graph.Weight("b", [categories], bias);
        graph.Node("MatMul", "logits_raw", ["features", "W"]);
        graph.Node("Add", "logits", ["logits_raw", "b"]);
        graph.Node("Sigmoid", "scores", ["logits"]);
        graph.Input("features", "batch", dimension);
        graph.Output("scores", "batch", categories);
        return graph.ToModel(Opset, "warden-training", metadata);
    }
}
