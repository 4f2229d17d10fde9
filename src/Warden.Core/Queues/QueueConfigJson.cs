using System.Text.Json;
using System.Text.Json.Serialization;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Validation;

namespace Warden.Core.Queues;

/// <summary>Reads a queue config document as team leads write it: camelCase, enums as words, unknown fields refused.</summary>
public static class QueueConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>The config, or the reason the document cannot be read; then run <see cref="QueueConfigValidator"/>.</summary>
    public static (QueueConfig? Config, IReadOnlyList<FieldError> Errors) Parse(string json)
    {
        try
        {
            var config = JsonSerializer.Deserialize<QueueConfig>(json, Options);
            return config is null ? (null, [new FieldError("Config", "is empty")]) : (config, []);
        }
        catch (JsonException e)
        {
            return (null, [new FieldError(e.Path is { Length: > 0 } path ? path : "Config", e.Message)]);
        }
    }

    public static string Write(QueueConfig config) => JsonSerializer.Serialize(config, Options);
}
