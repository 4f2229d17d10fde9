using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Core.Queues;
using Warden.Silo.Api;

namespace Warden.Silo.Ui;

/// <summary>The caller as a reviewer, and whether they may work a queue: the API and the pages ask the same question.</summary>
public static class ReviewerAccess
{
    public static Reviewer Of(ClaimsPrincipal caller) =>
        new(caller.Identity!.Name!, [.. caller.FindAll(ApiKeyAuthentication.GroupClaim).Select(c => c.Value)]);

    public static bool MayReview(ClaimsPrincipal caller, QueueConfig config) =>
        caller.HasClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.Admin) || QueueAccess.MayReview(config, Of(caller).Groups);

    public static bool MayAdminister(ClaimsPrincipal caller) =>
        caller.IsInRole(AccountRoles.Lead) || caller.IsInRole(AccountRoles.Admin);
}
