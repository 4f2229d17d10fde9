namespace Warden.Abstractions.Queues;

/// <summary>
/// A review queue as a team lead configures it (JSON, validated, versioned): what it reviews and which
/// actions, labels and policies reviewers may use, how the page looks, how jobs are decided and moved,
/// how reviewers are protected, and who may review.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.queues.config")]
public sealed record QueueConfig
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public int Version { get; init; }

    [Id(2)] public List<ObjectTypeConfig> ObjectTypes { get; init; } = [];

    [Id(3)] public List<QueueLabel> Labels { get; init; } = [];

    [Id(4)] public SelectionMode LabelSelection { get; init; } = SelectionMode.Multiple;

    [Id(5)] public List<string> Policies { get; init; } = [];

    [Id(6)] public SelectionMode PolicySelection { get; init; } = SelectionMode.Single;

    [Id(7)] public List<TemplateWidget> Template { get; init; } = [];

    [Id(8)] public TimeSpan TargetHandlingTime { get; init; } = TimeSpan.FromHours(24);

    [Id(9)] public MultiReviewConfig MultiReview { get; init; } = new();

    /// <summary>Queues a reviewer may pass a job to; empty: passing is not allowed.</summary>
    [Id(10)] public List<string> PassTo { get; init; } = [];

    [Id(11)] public string? EscalationQueue { get; init; }

    [Id(12)] public bool BlurMedia { get; init; } = true;

    [Id(13)] public bool GrayscaleMedia { get; init; } = true;

    [Id(14)] public bool KittyModeAllowed { get; init; } = true;

    /// <summary>Whether reviewers see the reports that caused a job: hidden, counts, or full text.</summary>
    [Id(15)] public string ReportVisibility { get; init; } = "counts";

    [Id(16)] public List<string> ReviewerGroups { get; init; } = [];

    /// <summary>Dashboard grouping of queues, e.g. <c>trust-and-safety/spam</c>.</summary>
    [Id(17)] public List<string> QueueGroups { get; init; } = [];

    /// <summary>How long a lease lasts before the job returns to the queue, unless renewed.</summary>
    [Id(18)] public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether a job that breaches the target handling time moves to <see cref="EscalationQueue"/>.</summary>
    [Id(19)] public bool EscalateOnSlaBreach { get; init; }

    /// <summary>Display name for the queue list; the id when absent.</summary>
    [Id(20)] public string? Name { get; init; }

    /// <summary>The key that cites each policy on the review page.</summary>
    [Id(21)] public Dictionary<string, string>? PolicyHotkeys { get; init; }

    /// <summary>For an appeals queue: whether an upheld appeal may be appealed once more (a second-tier job, at higher priority).</summary>
    [Id(22)] public bool AllowSecondTier { get; init; }

    /// <summary>Golden copies mixed in per job enqueued (0 to 1): each enqueue adds one with this probability when the queue has golden jobs.</summary>
    [Id(23)] public double GoldenRate { get; init; }
}
