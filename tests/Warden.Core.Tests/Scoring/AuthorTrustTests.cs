using Warden.Abstractions.Labels;
using Warden.Core.Scoring;

namespace Warden.Core.Tests.Scoring;

public sealed class AuthorTrustTests
{
    private static Label Label(string enforcement, SourceKind kind) => new()
    {
        Source = new LabelSource(kind == SourceKind.Human ? "review" : "spam-model", kind, "x"),
        Enforcement = enforcement,
        Policy = "spam",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Unknown_authors_are_neutral_and_trusted_partners_high()
    {
        AuthorTrust.From(null).Should().Be(0.5);
        AuthorTrust.From(new EntityLabels("user:1", [], [], false)).Should().Be(0.5);
        AuthorTrust.From(new EntityLabels("user:1", [], [], true)).Should().Be(0.9);
    }

    [Fact]
    public void Negative_labels_lower_trust_a_persons_more_than_a_machines()
    {
        var machine = AuthorTrust.From(new EntityLabels("user:1", [Label("limit", SourceKind.Automated)], [], false));
        var person = AuthorTrust.From(new EntityLabels("user:1", [Label("block", SourceKind.Human)], [], false));
        person.Should().BeLessThan(machine).And.BeLessThan(0.5);
        AuthorTrust.From(new EntityLabels("user:1", [.. Enumerable.Repeat(Label("block", SourceKind.Human), 10)], [], false)).Should().Be(0.05);
    }
}
