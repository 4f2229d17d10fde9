namespace Warden.Abstractions.Scoring;

/// <summary>
/// Content to score, sent to the entity it belongs to (the Pin, comment, message …). The same
/// <see cref="IdempotencyKey"/> twice on one entity is one submission: the second call gets the first's answer.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.scoring.submission")]
public sealed record ContentSubmission
{
    [Id(0)] public required string IdempotencyKey { get; init; }

    [Id(1)] public string? Text { get; init; }

    [Id(2)] public List<SubmittedImage> Images { get; init; } = [];

    /// <summary>The author's entity key, e.g. <c>user:42</c>: their labels and history set their trust.</summary>
    [Id(3)] public string? Author { get; init; }

    /// <summary>Where it was posted: a surface name from the catalog, e.g. <c>home_feed</c>.</summary>
    [Id(4)] public string? Surface { get; init; }

    /// <summary>The community, board or conversation it belongs to.</summary>
    [Id(5)] public string? Community { get; init; }

    /// <summary>BCP 47, e.g. <c>en</c> or <c>pt-BR</c>.</summary>
    [Id(6)] public string? Locale { get; init; }

    /// <summary>Who sent it: an API key, a service.</summary>
    [Id(7)] public required string Actor { get; init; }
}
