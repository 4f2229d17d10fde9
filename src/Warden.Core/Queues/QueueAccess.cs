using Warden.Abstractions.Queues;

namespace Warden.Core.Queues;

/// <summary>Who may work a queue: a reviewer in at least one of its reviewer groups. Checked on every path.</summary>
public static class QueueAccess
{
    public static bool MayReview(QueueConfig config, IReadOnlyCollection<string> reviewerGroups) =>
        config.ReviewerGroups.Any(reviewerGroups.Contains);
}
