using Warden.Scoring.Models.Onnx;

namespace Warden.Scoring.Models.Keras;

/// <summary>
/// Converts a Keras image classifier (TensorFlow.js layers format) into an ONNX graph served under
/// <see cref="ImageModelContract"/>. Keras computes in NHWC; the graph transposes the input once to
/// NCHW, which ONNX's Conv and pooling operators use. Batch normalisation that directly follows a
/// convolution is folded into its weights (W·γ/√(σ²+ε), (b−μ)·γ/√(σ²+ε)+β); ReLU with a ceiling becomes
/// Clip; Keras "same" padding is ONNX SAME_UPPER (TensorFlow pads the extra row and column at the end);
/// Flatten goes back to NHWC first so Dense weights see Keras's element order. Layers outside the set
/// below are refused by name rather than approximated.
/// </summary>
public sealed class KerasImageConverter
{
    private const long Opset = 13;
    private readonly TfjsLayersModel _model;
    private readonly OnnxGraphBuilder _graph = new("warden_image_classifier");
    private readonly Dictionary<string, string> _tensorOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spatial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KerasLayer> _foldedNormalisation = new(StringComparer.Ordinal);

    private KerasImageConverter(TfjsLayersModel model)
    {
        _model = model;
        var consumers = model.Layers.SelectMany(l => l.Inputs).Concat(model.OutputLayers).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var byName = model.Layers.ToDictionary(l => l.Name);
        foreach (var layer in model.Layers.Where(l => l.ClassName == "BatchNormalization" && l.Inputs.Count == 1))
        {
            var source = byName[layer.Inputs[0]];
            if (source.ClassName is "Conv2D" or "DepthwiseConv2D" && consumers.GetValueOrDefault(source.Name) == 1 && (source.String("activation") ?? "linear") == "linear")
            {
                _foldedNormalisation[source.Name] = layer;
            }
        }
    }

    /// <summary>Layers converted (after folding) and the ONNX model's bytes.</summary>
    public static (byte[] Model, int Nodes) Convert(TfjsLayersModel model, ImageModelContract contract)
    {
        if (model.InputLayers.Count != 1 || model.OutputLayers.Count != 1)
        {
            throw new InvalidDataException($"an image classifier has one input and one output, this model has {model.InputLayers.Count} and {model.OutputLayers.Count}");
        }

        var converter = new KerasImageConverter(model);
        foreach (var layer in model.Layers)
        {
            converter.Add(layer, contract);
        }

        var graph = converter._graph;
        graph.Node("Identity", ImageModelContract.OutputName, [converter.TensorOf(model.OutputLayers[0])]);
        graph.Input(ImageModelContract.InputName, "batch", contract.Height, contract.Width, 3);
        graph.Output(ImageModelContract.OutputName, "batch", contract.Classes.Count);
        return (graph.ToModel(Opset, "warden-models-import-image", contract.ToMetadata()), graph.NodeCount);
    }

    private string TensorOf(string layer) => _tensorOf.TryGetValue(layer, out var tensor) ? tensor : throw new InvalidDataException($"layer {layer} is used before it is defined");

    private void Add(KerasLayer layer, ImageModelContract contract)
    {
        var input = layer.Inputs.Count > 0 ? TensorOf(layer.Inputs[0]) : null;
        string output;
        switch (layer.ClassName)
        {
            case "InputLayer":
                CheckInputShape(layer, contract);
                output = _graph.Node("Transpose", layer.Name, [ImageModelContract.InputName], OnnxProto.IntsAttribute("perm", 0, 3, 1, 2));
                _spatial.Add(output);
                break;
            case "ZeroPadding2D":
                output = ZeroPadding(layer, input!);
                break;
            case "Conv2D":
            case "DepthwiseConv2D":
                output = Convolution(layer, input!);
                break;
            case "BatchNormalization":
                output = _foldedNormalisation.Values.Contains(layer) ? input! : BatchNormalization(layer, input!);
                break;
            case "ReLU":
                output = Relu(layer, input!);
                break;
            case "Activation":
                output = Activation(layer.String("activation") ?? "linear", input!, layer.Name);
                break;
            case "Add":
                output = layer.Inputs.Skip(1).Aggregate(input!, (sum, next) => _graph.Node("Add", next == layer.Inputs[^1] ? layer.Name : $"{layer.Name}/{next}", [sum, TensorOf(next)]));
                _spatial.Add(output);
                break;
            case "Concatenate":
                var axis = (int)(layer.Number("axis") ?? -1);
                var spatial = _spatial.Contains(input!);
                var onnxAxis = spatial ? axis switch { -1 or 3 => 1, 1 => 2, 2 => 3, _ => throw new InvalidDataException($"layer {layer.Name}: concatenation over axis {axis}") } : axis;
                output = _graph.Node("Concat", layer.Name, layer.Inputs.Select(TensorOf), OnnxProto.IntAttribute("axis", onnxAxis));
                if (spatial)
                {
                    _spatial.Add(output);
                }

                break;
            case "GlobalAveragePooling2D":
                var pooled = _graph.Node("GlobalAveragePool", $"{layer.Name}/pool", [input!]);
                output = _graph.Node("Flatten", layer.Name, [pooled], OnnxProto.IntAttribute("axis", 1));
                break;
            case "AveragePooling2D":
            case "MaxPooling2D":
                output = Pooling(layer, input!);
                break;
            case "Flatten":
                var nhwc = _graph.Node("Transpose", $"{layer.Name}/nhwc", [input!], OnnxProto.IntsAttribute("perm", 0, 2, 3, 1));
                output = _graph.Node("Flatten", layer.Name, [nhwc], OnnxProto.IntAttribute("axis", 1));
                break;
            case "Dense":
                output = Dense(layer, input!);
                break;
            case "Dropout":
                output = input!; // inference: identity
                break;
            default:
                throw new InvalidDataException($"layer {layer.Name}: {layer.ClassName} is not converted (supported: InputLayer, ZeroPadding2D, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU, Activation, Add, Concatenate, AveragePooling2D, MaxPooling2D, GlobalAveragePooling2D, Flatten, Dense, Dropout)");
        }

        _tensorOf[layer.Name] = output;
    }

    private static void CheckInputShape(KerasLayer layer, ImageModelContract contract)
    {
        var shape = layer.Config.GetProperty("batch_input_shape");
        if (shape.GetArrayLength() != 4 || shape[1].GetInt32() != contract.Height || shape[2].GetInt32() != contract.Width || shape[3].GetInt32() != 3)
        {
            throw new InvalidDataException($"the model's input is {shape}, the contract says [batch, {contract.Height}, {contract.Width}, 3]");
        }
    }

    private string ZeroPadding(KerasLayer layer, string input)
    {
        var padding = layer.Config.GetProperty("padding");
        long top, bottom, left, right;
        if (padding.ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            top = bottom = left = right = padding.GetInt64();
        }
        else if (padding[0].ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            (top, bottom, left, right) = (padding[0].GetInt64(), padding[0].GetInt64(), padding[1].GetInt64(), padding[1].GetInt64());
        }
        else
        {
            (top, bottom, left, right) = (padding[0][0].GetInt64(), padding[0][1].GetInt64(), padding[1][0].GetInt64(), padding[1][1].GetInt64());
        }

        var pads = _graph.Int64Weight($"{layer.Name}/pads", [8], [0, 0, top, left, 0, 0, bottom, right]);
        return Spatial(_graph.Node("Pad", layer.Name, [input, pads]));
    }

    private string Convolution(KerasLayer layer, string input)
    {
        var depthwise = layer.ClassName == "DepthwiseConv2D";
        var kernel = _model.WeightOf(layer, depthwise ? "depthwise_kernel" : "kernel");
        var (kh, kw, channelsIn, last) = (kernel.Shape[0], kernel.Shape[1], kernel.Shape[2], kernel.Shape[3]);
        var channelsOut = depthwise ? channelsIn * last : last;

        // Keras [kh, kw, in, out] (depthwise: [kh, kw, in, multiplier]) to ONNX [out, in/group, kh, kw].
        var weights = new float[channelsOut * (depthwise ? 1 : channelsIn) * kh * kw];
        for (var y = 0; y < kh; y++)
        {
            for (var x = 0; x < kw; x++)
            {
                for (var i = 0; i < channelsIn; i++)
                {
                    for (var o = 0; o < last; o++)
                    {
                        var value = kernel.Values[(((((y * kw) + x) * channelsIn) + i) * last) + o];
                        var index = depthwise
                            ? ((((i * last) + o) * kh) + y) * kw + x
                            : ((((o * channelsIn) + i) * kh) + y) * kw + x;
                        weights[index] = value;
                    }
                }
            }
        }

        var bias = layer.Flag("use_bias", true) ? (float[])_model.WeightOf(layer, "bias").Values.Clone() : new float[channelsOut];
        if (_foldedNormalisation.TryGetValue(layer.Name, out var normalisation))
        {
            Fold(normalisation, channelsOut, weights, bias);
        }

        var (sh, sw) = layer.Pair("strides");
        var (dh, dw) = layer.Config.TryGetProperty("dilation_rate", out _) ? layer.Pair("dilation_rate") : (1, 1);
        var padding = layer.String("padding") ?? "valid";
        var w = _graph.Weight($"{layer.Name}/W", [channelsOut, depthwise ? 1 : channelsIn, kh, kw], weights);
        var b = _graph.Weight($"{layer.Name}/B", [channelsOut], bias);
        var activation = layer.String("activation") ?? "linear";
        var convolved = _graph.Node("Conv", activation == "linear" ? layer.Name : $"{layer.Name}/conv", [input, w, b],
            OnnxProto.IntsAttribute("kernel_shape", kh, kw),
            OnnxProto.IntsAttribute("strides", sh, sw),
            OnnxProto.IntsAttribute("dilations", dh, dw),
            OnnxProto.IntAttribute("group", depthwise ? channelsIn : 1),
            OnnxProto.StringAttribute("auto_pad", AutoPad(padding, layer)));
        return Spatial(Activation(activation, Spatial(convolved), layer.Name));
    }

    private void Fold(KerasLayer normalisation, int channels, float[] weights, float[] bias)
    {
        var (gamma, beta, mean, variance, epsilon) = NormalisationParameters(normalisation, channels);
        var perChannel = weights.Length / channels;
        for (var c = 0; c < channels; c++)
        {
            var scale = gamma[c] / Math.Sqrt(variance[c] + epsilon);
            for (var k = 0; k < perChannel; k++)
            {
                weights[(c * perChannel) + k] = (float)(weights[(c * perChannel) + k] * scale);
            }

            bias[c] = (float)(((bias[c] - mean[c]) * scale) + beta[c]);
        }
    }

    private string BatchNormalization(KerasLayer layer, string input)
    {
        var channels = _model.WeightOf(layer, "moving_mean").Values.Length;
        var (gamma, beta, mean, variance, epsilon) = NormalisationParameters(layer, channels);
        string[] inputs =
        [
            input,
            _graph.Weight($"{layer.Name}/scale", [channels], gamma),
            _graph.Weight($"{layer.Name}/bias", [channels], beta),
            _graph.Weight($"{layer.Name}/mean", [channels], mean),
            _graph.Weight($"{layer.Name}/var", [channels], variance),
        ];
        return Spatial(_graph.Node("BatchNormalization", layer.Name, inputs, OnnxProto.FloatAttribute("epsilon", (float)epsilon)));
    }

    private (float[] Gamma, float[] Beta, float[] Mean, float[] Variance, double Epsilon) NormalisationParameters(KerasLayer layer, int channels)
    {
        var axis = layer.Config.GetProperty("axis");
        if (axis.ValueKind != System.Text.Json.JsonValueKind.Number || axis.GetInt32() is not (-1 or 3))
        {
            throw new InvalidDataException($"layer {layer.Name}: batch normalisation over axis {axis} is not converted (channels last only)");
        }

        var gamma = layer.Flag("scale", true) ? _model.WeightOf(layer, "gamma").Values : Enumerable.Repeat(1f, channels).ToArray();
        var beta = layer.Flag("center", true) ? _model.WeightOf(layer, "beta").Values : new float[channels];
        return (gamma, beta, _model.WeightOf(layer, "moving_mean").Values, _model.WeightOf(layer, "moving_variance").Values, layer.Number("epsilon") ?? 1e-3);
    }

    private string Relu(KerasLayer layer, string input)
    {
        if ((layer.Number("negative_slope") ?? 0) != 0 || (layer.Number("threshold") ?? 0) != 0)
        {
            throw new InvalidDataException($"layer {layer.Name}: ReLU with a negative slope or threshold is not converted");
        }

        if (layer.Number("max_value") is not { } ceiling)
        {
            return Spatial(_graph.Node("Relu", layer.Name, [input]), input);
        }

        var min = _graph.Weight($"{layer.Name}/min", [], [0f]);
        var max = _graph.Weight($"{layer.Name}/max", [], [(float)ceiling]);
        return Spatial(_graph.Node("Clip", layer.Name, [input, min, max]), input);
    }

    private string Activation(string activation, string input, string output) => activation switch
    {
        "linear" => input,
        "relu" => Spatial(_graph.Node("Relu", output, [input]), input),
        "sigmoid" => Spatial(_graph.Node("Sigmoid", output, [input]), input),
        "tanh" => Spatial(_graph.Node("Tanh", output, [input]), input),
        "softmax" when !_spatial.Contains(input) => _graph.Node("Softmax", output, [input], OnnxProto.IntAttribute("axis", -1)),
        _ => throw new InvalidDataException($"layer {output}: activation '{activation}' is not converted here"),
    };

    private string Pooling(KerasLayer layer, string input)
    {
        var (ph, pw) = layer.Pair("pool_size");
        var (sh, sw) = layer.Config.TryGetProperty("strides", out var strides) && strides.ValueKind != System.Text.Json.JsonValueKind.Null ? layer.Pair("strides") : (ph, pw);
        return Spatial(_graph.Node(layer.ClassName == "MaxPooling2D" ? "MaxPool" : "AveragePool", layer.Name, [input],
            OnnxProto.IntsAttribute("kernel_shape", ph, pw),
            OnnxProto.IntsAttribute("strides", sh, sw),
            OnnxProto.StringAttribute("auto_pad", AutoPad(layer.String("padding") ?? "valid", layer))));
    }

    private string Dense(KerasLayer layer, string input)
    {
        if (_spatial.Contains(input))
        {
            throw new InvalidDataException($"layer {layer.Name}: Dense on an image tensor is not converted (flatten or pool first)");
        }

        var kernel = _model.WeightOf(layer, "kernel");
        var units = kernel.Shape[1];
        var w = _graph.Weight($"{layer.Name}/W", [kernel.Shape[0], units], kernel.Values);
        var b = _graph.Weight($"{layer.Name}/B", [units], layer.Flag("use_bias", true) ? _model.WeightOf(layer, "bias").Values : new float[units]);
        var activation = layer.String("activation") ?? "linear";
        var product = _graph.Node("Gemm", activation == "linear" ? layer.Name : $"{layer.Name}/gemm", [input, w, b]);
        return Activation(activation, product, layer.Name);
    }

    private static string AutoPad(string padding, KerasLayer layer) => padding switch
    {
        "valid" => "VALID",
        "same" => "SAME_UPPER",
        _ => throw new InvalidDataException($"layer {layer.Name}: padding '{padding}' is not converted"),
    };

    /// <summary>Marks a tensor as NCHW (an image) when its source was one.</summary>
    private string Spatial(string tensor, string? like = null)
    {
        if (like is null || _spatial.Contains(like))
        {
            _spatial.Add(tensor);
        }

        return tensor;
    }
}
