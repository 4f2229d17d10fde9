using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Policies;

/// <summary>
/// Which labels a surface trusts. Empty include lists mean "all"; excludes always win. Expired labels
/// are never selected.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.selector")]
public sealed record LabelSelectorSettings
{
    [Id(0)] public List<SourceKind> IncludeKinds { get; init; } = [];

    [Id(1)] public List<string> IncludeSystems { get; init; } = [];

    [Id(2)] public List<string> ExcludeSystems { get; init; } = [];

    [Id(3)] public List<string> IncludeNames { get; init; } = [];

    [Id(4)] public List<string> ExcludeNames { get; init; } = [];

    /// <summary>Labels below this confidence are ignored; labels with no confidence always pass.</summary>
    [Id(5)] public double? MinConfidence { get; init; }

    /// <summary>Labels older than this are ignored.</summary>
    [Id(6)] public TimeSpan? MaxAge { get; init; }
}
