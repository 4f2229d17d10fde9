using System.Text.Json;

namespace Warden.Scoring.Models.Keras;

/// <summary>One layer of a Keras functional model: its class, configuration and the layers it reads.</summary>
public sealed record KerasLayer(string Name, string ClassName, JsonElement Config, IReadOnlyList<string> Inputs)
{
    public string? String(string key) => Config.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public double? Number(string key) => Config.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public bool Flag(string key, bool fallback) => Config.TryGetProperty(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    /// <summary>A pair such as kernel_size or strides, written as [a, b] or as one number for both.</summary>
    public (int First, int Second) Pair(string key)
    {
        if (!Config.TryGetProperty(key, out var value))
        {
            throw new InvalidDataException($"layer {Name} ({ClassName}) has no '{key}'");
        }

        return value.ValueKind == JsonValueKind.Number
            ? (value.GetInt32(), value.GetInt32())
            : (value[0].GetInt32(), value[1].GetInt32());
    }
}
