using System.Reflection;
using NetArchTest.Rules;

namespace Warden.Architecture.Tests;

/// <summary>
/// Grain features talk to each other through grain interfaces (Abstractions), never through another
/// feature's storage: a feature's stores (<c>I…Store</c>, <c>Postgres…</c>, <c>InMemory…</c>) are its own.
/// Events (the outbox a label write fills in the same transaction) and Runtime are shared plumbing.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private static readonly Assembly Grains = typeof(Warden.Grains.WardenGrainServices).Assembly;

    public static TheoryData<string> Features() => [.. FeatureNamespaces()];

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_does_not_reach_into_another_features_storage(string feature)
    {
        var others = StorageTypes().Where(t => t.Namespace != feature && !t.Namespace!.StartsWith(feature + ".", StringComparison.Ordinal)).Select(t => t.FullName!).ToArray();

        var result = Types.InAssembly(Grains).That().ResideInNamespace(feature).ShouldNot().HaveDependencyOnAny(others).GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty($"{feature} uses another feature's stores through its grains only");
    }

    [Fact]
    public void Every_feature_has_storage_types_to_guard() =>
        StorageTypes().Select(t => t.Namespace).Distinct().Should().Contain(["Warden.Grains.Labels", "Warden.Grains.Scoring", "Warden.Grains.Reviews", "Warden.Grains.Queues"]);

    private static readonly string[] Plumbing = ["Warden.Grains.Events", "Warden.Grains.Runtime"];

    private static IEnumerable<string> FeatureNamespaces() =>
        Grains.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Warden.Grains.", StringComparison.Ordinal) && !Plumbing.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .Select(n => string.Join('.', n.Split('.').Take(3)))
            .Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<Type> StorageTypes() =>
        Grains.GetTypes().Where(t => t.Namespace is not null && !t.IsNested && !t.Name.Contains('<') && !Plumbing.Contains(t.Namespace)
            && (t.Name.StartsWith("Postgres", StringComparison.Ordinal) || t.Name.StartsWith("InMemory", StringComparison.Ordinal)
                || (t.IsInterface && t.Name.EndsWith("Store", StringComparison.Ordinal))));
}
