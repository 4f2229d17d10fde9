using System.Text.Json;

namespace Warden.Scoring.Models.Keras;

/// <summary>
/// A TensorFlow.js layers model as TensorFlow.js writes it: <c>model.json</c> (Keras topology and the
/// weights manifest) and the weight shards, here concatenated into <c>weights.bin</c>. Quantized weights
/// (uint8/uint16 with a per-tensor min and scale) are dequantized the way TensorFlow.js does:
/// <c>value = q × scale + min</c>, rounded to float32.
/// </summary>
public sealed class TfjsLayersModel
{
    private TfjsLayersModel(IReadOnlyList<KerasLayer> layers, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, IReadOnlyDictionary<string, Weight> weights, string kerasVersion)
    {
        Layers = layers;
        InputLayers = inputs;
        OutputLayers = outputs;
        Weights = weights;
        KerasVersion = kerasVersion;
    }

    public IReadOnlyList<KerasLayer> Layers { get; }

    public IReadOnlyList<string> InputLayers { get; }

    public IReadOnlyList<string> OutputLayers { get; }

    public IReadOnlyDictionary<string, Weight> Weights { get; }

    public string KerasVersion { get; }

    public static TfjsLayersModel Read(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "model.json")));
        var topology = json.RootElement.GetProperty("modelTopology");
        if (!topology.TryGetProperty("model_config", out var config))
        {
            throw new InvalidDataException($"{folder}: not a Keras layers model (TensorFlow.js graph models are not converted)");
        }

        if (config.GetProperty("class_name").GetString() is not ("Model" or "Functional"))
        {
            throw new InvalidDataException($"{folder}: only functional Keras models are converted, not {config.GetProperty("class_name").GetString()}");
        }

        var body = config.GetProperty("config");
        var layers = body.GetProperty("layers").EnumerateArray().Select(ReadLayer).ToList();
        var weights = ReadWeights(json.RootElement.GetProperty("weightsManifest"), File.ReadAllBytes(Path.Combine(folder, "weights.bin")), folder);
        return new TfjsLayersModel(
            layers,
            [.. body.GetProperty("input_layers").EnumerateArray().Select(l => l[0].GetString()!)],
            [.. body.GetProperty("output_layers").EnumerateArray().Select(l => l[0].GetString()!)],
            weights,
            topology.TryGetProperty("keras_version", out var version) ? version.GetString() ?? "?" : "?");
    }

    /// <summary>Height and width of the (single) input layer's images.</summary>
    public (int Height, int Width) InputSize()
    {
        var input = Layers.First(l => l.Name == InputLayers[0]);
        var shape = input.Config.GetProperty("batch_input_shape");
        return shape.GetArrayLength() == 4 && shape[1].ValueKind == JsonValueKind.Number && shape[2].ValueKind == JsonValueKind.Number
            ? (shape[1].GetInt32(), shape[2].GetInt32())
            : throw new InvalidDataException($"the input layer {input.Name} is {shape}, not [batch, height, width, channels] with a fixed size");
    }

    public Weight WeightOf(KerasLayer layer, string name) =>
        Weights.TryGetValue($"{layer.Name}/{name}", out var weight) ? weight : throw new InvalidDataException($"layer {layer.Name} has no weight '{name}'");

    public Weight? OptionalWeightOf(KerasLayer layer, string name) => Weights.GetValueOrDefault($"{layer.Name}/{name}");

    private static KerasLayer ReadLayer(JsonElement layer)
    {
        // inbound_nodes: [[[layer, nodeIndex, tensorIndex, kwargs], ...]] — one call per layer in these models.
        var inputs = new List<string>();
        var calls = layer.GetProperty("inbound_nodes");
        if (calls.GetArrayLength() > 1)
        {
            throw new InvalidDataException($"layer {layer.GetProperty("name").GetString()} is shared by {calls.GetArrayLength()} calls; shared layers are not converted");
        }

        foreach (var call in calls.EnumerateArray())
        {
            inputs.AddRange(call.EnumerateArray().Select(inbound => inbound[0].GetString()!));
        }

        return new KerasLayer(layer.GetProperty("name").GetString()!, layer.GetProperty("class_name").GetString()!, layer.GetProperty("config").Clone(), inputs);
    }

    private static Dictionary<string, Weight> ReadWeights(JsonElement manifest, byte[] data, string folder)
    {
        var weights = new Dictionary<string, Weight>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var spec in manifest.EnumerateArray().SelectMany(group => group.GetProperty("weights").EnumerateArray()))
        {
            var name = spec.GetProperty("name").GetString()!;
            var shape = spec.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var count = shape.Aggregate(1, (a, b) => a * b);
            var values = new float[count];
            if (spec.TryGetProperty("quantization", out var quantization))
            {
                var min = quantization.GetProperty("min").GetDouble();
                var scale = quantization.GetProperty("scale").GetDouble();
                var width = quantization.GetProperty("dtype").GetString() switch
                {
                    "uint8" => 1,
                    "uint16" => 2,
                    var other => throw new InvalidDataException($"{name}: quantization '{other}' is not converted"),
                };
                Need(offset, count * width, data, name, folder);
                for (var i = 0; i < count; i++)
                {
                    var q = width == 1 ? data[offset + i] : BitConverter.ToUInt16(data, offset + (2 * i));
                    values[i] = (float)((q * scale) + min);
                }

                offset += count * width;
            }
            else if (spec.GetProperty("dtype").GetString() == "float32")
            {
                Need(offset, count * sizeof(float), data, name, folder);
                Buffer.BlockCopy(data, offset, values, 0, count * sizeof(float));
                offset += count * sizeof(float);
            }
            else
            {
                throw new InvalidDataException($"{name}: dtype '{spec.GetProperty("dtype").GetString()}' is not converted");
            }

            weights[name] = new Weight(shape, values);
        }

        if (offset != data.Length)
        {
            throw new InvalidDataException($"{folder}: the manifest describes {offset} bytes of weights, weights.bin holds {data.Length}");
        }

        return weights;
    }

    private static void Need(int offset, int bytes, byte[] data, string name, string folder)
    {
        if (offset + bytes > data.Length)
        {
            throw new InvalidDataException($"{folder}: weights.bin ends before {name}");
        }
    }

    /// <summary>A weight tensor in Keras layout (e.g. a Conv2D kernel is [height, width, in, out]).</summary>
    public sealed record Weight(int[] Shape, float[] Values);
}
