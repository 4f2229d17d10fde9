using Warden.Core.Appeals;
using Warden.Core.Bulk;
using Warden.Core.Reviews;
using Warden.Core.Strikes;

namespace Warden.Core.Labels;

/// <summary>
/// Label source systems that only Warden itself writes: human review, appeals (which outrank everything),
/// bulk operations, scoring and strikes. An integration may not write or remove them, or it could
/// overturn a decision or erase a reviewer's label; only admins may.
/// </summary>
public static class ReservedSources
{
    /// <summary>The scoring cascade's source system (its grain writes it).</summary>
    public const string ScoringSystem = "warden-scoring";

    public static readonly IReadOnlySet<string> Systems = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        HumanLabels.System, AppealRules.System, BulkRules.System, StrikeBook.Source.System, ScoringSystem,
    };

    public static bool IsReserved(string? system) => system is not null && Systems.Contains(system.Trim());
}
