using System.Text.Json;
using System.Text.Json.Serialization;
using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>How labels are written into jsonb columns and read back.</summary>
public static class LabelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Label label) => JsonSerializer.Serialize(label, Options);

    public static Label Read(string json) => JsonSerializer.Deserialize<Label>(json, Options)
        ?? throw new InvalidDataException("A stored label is null.");

    /// <summary>The history's name for a change: <c>hold_rejected</c> and so on.</summary>
    public static string KindName(LabelChangeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static LabelChangeKind ParseKind(string name) => Enum.Parse<LabelChangeKind>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
