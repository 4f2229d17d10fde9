using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Warden.Scoring.Text;

namespace Warden.Scoring.Models;

/// <summary>
/// A text model served with ONNX Runtime: texts in, one score per category out. Loading checks the
/// model against <see cref="ModelContract"/> — metadata, the feature extractor it was trained with,
/// and the input and output shapes — and refuses it with the reason otherwise. Thread-safe.
/// </summary>
public sealed class TextClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly TextFeatures _features;

    private TextClassifier(InferenceSession session, ModelContract contract, string path)
    {
        _session = session;
        Contract = contract;
        Path = path;
        _features = new TextFeatures(contract.Dimension);
    }

    public ModelContract Contract { get; }

    public string Path { get; }

    public static TextClassifier Load(string path, SessionOptions? options = null)
    {
        var session = ModelFile.Open(path, options);

        try
        {
            var contract = ModelContract.FromMetadata(session.ModelMetadata.CustomMetadataMap, path);
            if (contract.FeatureVersion != TextFeatures.Version)
            {
                throw new ModelContractException(path, $"it was trained on features '{contract.FeatureVersion}', this server extracts '{TextFeatures.Version}'");
            }

            CheckShape(session.InputMetadata, ModelContract.InputName, contract.Dimension, path);
            CheckShape(session.OutputMetadata, ModelContract.OutputName, contract.Categories.Count, path);
            return new TextClassifier(session, contract, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Features of <paramref name="texts"/>, row-major [texts, dimension]: the input <see cref="Run"/> takes.</summary>
    public float[] Featurize(IReadOnlyList<string> texts)
    {
        var dimension = Contract.Dimension;
        var features = new float[texts.Count * dimension];
        for (var i = 0; i < texts.Count; i++)
        {
            _features.Extract(texts[i], features.AsSpan(i * dimension, dimension));
        }

        return features;
    }

    /// <summary>One feature row from folded words (see <see cref="TextFeatures.WordsOf"/>).</summary>
    public float[] FeatureRow(IReadOnlyList<string> words)
    {
        var row = new float[Contract.Dimension];
        _features.Extract(words, row);
        return row;
    }

    /// <summary>One score per category per text, row-major [texts, categories].</summary>
    public float[] Score(IReadOnlyList<string> texts) => Run(Featurize(texts), texts.Count);

    /// <summary>One model run over <paramref name="rows"/> feature rows.</summary>
    public float[] Run(float[] features, int rows)
    {
        var input = new DenseTensor<float>(features, [rows, Contract.Dimension]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, input)]);
        return results[0].AsEnumerable<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();

    private static void CheckShape(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int width, string path)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new ModelContractException(path, $"it has no '{name}' tensor (it has {string.Join(", ", nodes.Keys)})");
        }

        if (node.ElementDataType != TensorElementType.Float || node.Dimensions.Length != 2 || node.Dimensions[1] != width)
        {
            throw new ModelContractException(path, $"'{name}' must be float32 [batch, {width}], not {node.ElementDataType} [{string.Join(", ", node.Dimensions)}]");
        }
    }
}
