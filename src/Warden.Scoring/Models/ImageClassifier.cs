using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Warden.Scoring.Models;

/// <summary>
/// An image model served with ONNX Runtime: decoded images in, one probability per class out. Loading
/// checks the model against <see cref="ImageModelContract"/> and refuses it with the reason otherwise.
/// Thread-safe.
/// </summary>
public sealed class ImageClassifier : IDisposable
{
    private readonly InferenceSession _session;

    private ImageClassifier(InferenceSession session, ImageModelContract contract, string path)
    {
        _session = session;
        Contract = contract;
        Path = path;
    }

    public ImageModelContract Contract { get; }

    public string Path { get; }

    /// <summary>Floats in one preprocessed image.</summary>
    public int ImageLength => Contract.Height * Contract.Width * 3;

    public static ImageClassifier Load(string path, SessionOptions? options = null)
    {
        var session = ModelFile.Open(path, options);

        try
        {
            var contract = ImageModelContract.FromMetadata(session.ModelMetadata.CustomMetadataMap, path);
            Check(session.InputMetadata, ImageModelContract.InputName, [contract.Height, contract.Width, 3], path);
            Check(session.OutputMetadata, ImageModelContract.OutputName, [contract.Classes.Count], path);
            return new ImageClassifier(session, contract, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The model's input for one decoded image (see <see cref="ImagePreprocessing"/>).</summary>
    public float[] Preprocess(SKBitmap bitmap)
    {
        // A decoder's unpremultiplied RGBA is read in place; anything else is converted first.
        if (bitmap.ColorType == SKColorType.Rgba8888 && bitmap.AlphaType is SKAlphaType.Unpremul or SKAlphaType.Opaque && bitmap.RowBytes == bitmap.Width * 4)
        {
            var input = new float[ImageLength];
            ImagePreprocessing.Fill(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height, Contract.Height, Contract.Width, input, stride: 4);
            return input;
        }

        return Preprocess(ImagePreprocessing.Rgb(bitmap), bitmap.Width, bitmap.Height);
    }

    public float[] Preprocess(byte[] rgb, int width, int height)
    {
        var input = new float[ImageLength];
        ImagePreprocessing.Fill(rgb, width, height, Contract.Height, Contract.Width, input);
        return input;
    }

    /// <summary>One model run over <paramref name="images"/> preprocessed images laid end to end; probabilities row-major [images, classes].</summary>
    public float[] Run(float[] input, int images)
    {
        var tensor = new DenseTensor<float>(input, [images, Contract.Height, Contract.Width, 3]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(ImageModelContract.InputName, tensor)]);
        return results[0].AsEnumerable<float>().ToArray();
    }

    public void Dispose() => _session.Dispose();

    private static void Check(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int[] shape, string path)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new ModelContractException(path, $"it has no '{name}' tensor (it has {string.Join(", ", nodes.Keys)})");
        }

        if (node.ElementDataType != TensorElementType.Float || node.Dimensions.Length != shape.Length + 1 || !node.Dimensions.Skip(1).SequenceEqual(shape))
        {
            throw new ModelContractException(path, $"'{name}' must be float32 [batch, {string.Join(", ", shape)}], not {node.ElementDataType} [{string.Join(", ", node.Dimensions)}]");
        }
    }
}
