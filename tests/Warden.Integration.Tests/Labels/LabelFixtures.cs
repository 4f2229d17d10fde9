using Warden.Abstractions.Labels;

namespace Warden.Integration.Tests.Labels;

internal static class LabelFixtures
{
    public static Label Automated(string enforcement, string policy, DateTimeOffset createdAt, string system = "spam-model", string name = "v7") => new()
    {
        Source = new LabelSource(system, SourceKind.Automated, name),
        Enforcement = enforcement,
        Policy = policy,
        CreatedAt = createdAt,
        Confidence = 0.9,
        Evidence = "score 0.93",
    };

    public static Label Human(string enforcement, string policy, DateTimeOffset createdAt, string reviewer = "jane") => new()
    {
        Source = new LabelSource("review", SourceKind.Human, reviewer),
        Enforcement = enforcement,
        Policy = policy,
        CreatedAt = createdAt,
    };
}
