using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warden.Grains.Runtime;

/// <summary>
/// The one JSON setting for everything Warden stores in jsonb and text columns (labels, history, queued and
/// review jobs, content records, decisions, bulk operations, webhook bodies): camelCase, enums by name, nulls
/// left out. One setting, so a record written by one feature reads back in any other.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");
}
