using Warden.Abstractions.Labels;

namespace Warden.Core.Scoring;

/// <summary>
/// An author's trust, 0 to 1 (0.5 for an unknown author), from their entity's labels: each live negative
/// label lowers it (a person's judgement more than a machine's), a human "allow" raises it, and a
/// trusted partner starts high.
/// </summary>
public static class AuthorTrust
{
    public const double Unknown = 0.5;

    public static double From(EntityLabels? author)
    {
        if (author is null)
        {
            return Unknown;
        }

        var trust = author.Trusted ? 0.9 : Unknown;
        foreach (var label in author.Live)
        {
            var human = label.Source.Kind == SourceKind.Human;
            trust += label.Enforcement == "allow" ? (human ? 0.1 : 0.02) : (human ? -0.25 : -0.15);
        }

        return Math.Round(Math.Clamp(trust, 0.05, 0.95), 3);
    }
}
