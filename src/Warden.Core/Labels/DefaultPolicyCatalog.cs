using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;

namespace Warden.Core.Labels;

/// <summary>The catalog a new cluster starts with, until a lead saves their own (version 1).</summary>
public static class DefaultPolicyCatalog
{
    public static PolicyCatalog Create() => new()
    {
        Version = 1,
        EntityTypes = ["pin", "board", "user", "comment", "message"],
        Policies =
        [
            new("spam", "Unsolicited bulk or deceptive promotion"),
            new("porn", "Sexually explicit content"),
            new("adult", "Sexually explicit imagery, as the image model sees it"),
            new("suggestive", "Sexually suggestive imagery: kept, shown to fewer people"),
            new("unscored_media", "Held while its images are scored"),
            new("hate", "Attacks on people for protected characteristics"),
            new("harassment", "Targeted abuse of a person"),
            new("violence", "Graphic violence or threats"),
            new("self_harm", "Promotion of self-harm"),
            new("misinformation", "Demonstrably false harmful claims"),
        ],
        Enforcements = [new("allow", 0), new("hide_from_recommendations", 5), new("limit", 10), new("block", 20)],
        Sources =
        [
            new("review", 1.0, SourceKind.Human),
            new("warden-review", 1.0, SourceKind.Human),
            new("appeals", 1.0, SourceKind.Human),
        ],
        DefaultReputation = 0.6,
        TrustedEntities = new TrustedEntityRule("limit"),
        Surfaces =
        [
            new SurfaceDefinition { Name = "home_feed", FreshnessHalfLife = TimeSpan.FromDays(30) },
            new SurfaceDefinition { Name = "search", FreshnessHalfLife = TimeSpan.FromDays(7), Selector = new LabelSelectorSettings { MinConfidence = 0.5 } },
            new SurfaceDefinition { Name = "profile", FreshnessHalfLife = TimeSpan.FromDays(90) },
        ],
    };
}
