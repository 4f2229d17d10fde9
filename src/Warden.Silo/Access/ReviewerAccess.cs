using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>The caller as a reviewer, and whether they may work a queue: the API and the pages ask the same question.</summary>
public static class ReviewerAccess
{
    public static Reviewer Of(ClaimsPrincipal caller) =>
        new(caller.Identity!.Name!, [.. caller.FindAll(BearerAuthentication.GroupClaim).Select(c => c.Value)]);

    /// <summary>
    /// Working a queue (leasing, deciding) needs one of its reviewer groups, admins included: the queue grain
    /// enforces the same rule, and a decision is recorded under a reviewer who was allowed to make it.
    /// Admins and leads see every job and administer every queue; they review only in their groups.
    /// </summary>
    public static bool MayReview(ClaimsPrincipal caller, QueueConfig config) => QueueAccess.MayReview(config, Of(caller).Groups);

    public static bool MayAdminister(ClaimsPrincipal caller) =>
        caller.IsInRole(AccountRoles.Lead) || caller.IsInRole(AccountRoles.Admin);

    /// <summary>
    /// Whether the caller may read a job (its content, owner, labels and scores): leads and admins see every
    /// job, anyone else only jobs of queues whose groups they are in. Every path that shows a job asks this.
    /// </summary>
    public static async Task<bool> MaySeeJobAsync(IGrainFactory grains, ClaimsPrincipal caller, Abstractions.Reviews.ReviewJobDetails job)
    {
        if (MayAdminister(caller) || caller.HasClaim(BearerAuthentication.ScopeClaim, ApiScopes.Admin))
        {
            return true;
        }

        var queue = job.Queue ?? job.FinalQueue;
        var config = queue is null ? null : await grains.GetGrain<IQueueGrain>(queue).GetConfig();
        return config is not null && MayReview(caller, config);
    }
}
