using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Policies;

/// <summary>
/// Which labels a surface trusts. Empty include lists mean "all"; excludes always win. Expired labels
/// are never selected.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.policies.selector")]
public sealed record LabelSelectorSettings
{
    [Id(0)] public IReadOnlyList<SourceKind> IncludeKinds { get; init; } = [];

    [Id(1)] public IReadOnlyList<string> IncludeSystems { get; init; } = [];

    [Id(2)] public IReadOnlyList<string> ExcludeSystems { get; init; } = [];

    [Id(3)] public IReadOnlyList<string> IncludeNames { get; init; } = [];

    [Id(4)] public IReadOnlyList<string> ExcludeNames { get; init; } = [];

    /// <summary>Labels below this confidence are ignored; labels with no confidence always pass.</summary>
    [Id(5)] public double? MinConfidence { get; init; }

    /// <summary>Labels older than this are ignored.</summary>
    [Id(6)] public TimeSpan? MaxAge { get; init; }
}
