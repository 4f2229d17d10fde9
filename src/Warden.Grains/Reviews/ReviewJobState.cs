using Warden.Abstractions.Actions;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;

namespace Warden.Grains.Reviews;

[GenerateSerializer, Alias("warden.reviews.job-state")]
public sealed class ReviewJobState
{
    [Id(0)] public JobStatus Status { get; set; }

    [Id(1)] public string? Queue { get; set; }

    [Id(2)] public EnqueueRequest? Request { get; set; }

    [Id(3)] public List<ReviewDecision> Decisions { get; set; } = [];

    /// <summary>Reviewers the disagreement path added in the current queue.</summary>
    [Id(4)] public int AddedReviewers { get; set; }

    [Id(5)] public ReviewDecision? Final { get; set; }

    /// <summary>The queue and config version the final decision was made under: its labels follow from that config.</summary>
    [Id(6)] public string? FinalQueue { get; set; }

    [Id(7)] public List<JobEvent> History { get; set; } = [];

    [Id(8)] public List<ActionDelivery> Actions { get; set; } = [];

    [Id(9)] public bool LabelsWritten { get; set; }

    [Id(10)] public int FinalConfigVersion { get; set; }

    /// <summary>For a golden copy: the known answer it is scored against instead of being acted on.</summary>
    [Id(11)] public List<ObjectAction>? GoldenExpected { get; set; }
}
