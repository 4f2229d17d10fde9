using Warden.Abstractions.Labels;
using Warden.Core.Labels;

namespace Warden.Core.Tests.Labels;

/// <summary>Test data: the default catalog, a fixed clock and label builders.</summary>
internal static class Labels
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static readonly CatalogView Catalog = new(DefaultPolicyCatalog.Create());

    public static Label Automated(string enforcement = "limit", string policy = "spam", string system = "spam-model", string name = "v7", TimeSpan? age = null, double? confidence = null) => new()
    {
        Source = new LabelSource(system, SourceKind.Automated, name),
        Enforcement = enforcement,
        Policy = policy,
        CreatedAt = Now - (age ?? TimeSpan.Zero),
        Confidence = confidence,
    };

    public static Label Human(string enforcement = "block", string policy = "porn", string reviewer = "jane", TimeSpan? age = null) => new()
    {
        Source = new LabelSource("review", SourceKind.Human, reviewer),
        Enforcement = enforcement,
        Policy = policy,
        CreatedAt = Now - (age ?? TimeSpan.Zero),
    };
}
