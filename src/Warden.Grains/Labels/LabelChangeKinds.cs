using System.Text.Json;
using Warden.Abstractions.Labels;

namespace Warden.Grains.Labels;

/// <summary>The label history's column names for a change: <c>hold_rejected</c> and so on.</summary>
public static class LabelChangeKinds
{
    public static string Name(LabelChangeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static LabelChangeKind Parse(string name) => Enum.Parse<LabelChangeKind>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
