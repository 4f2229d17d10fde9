using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;

namespace Warden.Abstractions.Quality;

/// <summary>
/// A job with a known answer: copies of <see cref="Request"/> are mixed into the queue at its golden rate,
/// look like any other job to reviewers, and are scored against <see cref="Expected"/> instead of acted on.
/// </summary>
[GenerateSerializer, Immutable, Alias("warden.quality.golden-job")]
public sealed record GoldenJob
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required EnqueueRequest Request { get; init; }

    [Id(2)] public required List<ObjectAction> Expected { get; init; }
}
